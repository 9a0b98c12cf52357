import Link from "@/components/link";
import { ListPagination } from "@/components/applications/list-pagination";
import { requireMember, sidePageMetadata } from "@/lib/auth/guards";
import { listApplications } from "@/lib/applications/list";
import {
  DEFAULT_LIST_SORT,
  LIST_SORT_LABELS,
  listFiltersToSearchParams,
  listHref,
  parseListFilters,
  type ListFilters,
} from "@/lib/applications/list-filters";
import { readFilterChoices } from "@/lib/applications/filter-choices";
import { listJobChoices } from "@/lib/job-descriptions/jobs";
import { APPLICATION_STATUSES, countInGroup, STATUS_GROUPS, type ApplicationStatus } from "@/lib/status";
import { EmployerFilters } from "@/components/applications/employer-filters";
import { ROUTES } from "@/lib/routes";
import { EmployerApplicationsTable } from "@/components/applications/employer-applications-table";
import { toEmployerTableRows } from "@/components/applications/employer-table-rows";
import { ArchiveViewNav } from "@/components/applications/archive-view-nav";
import { ListTotal } from "@/components/applications/export-links";
import { formatListCount } from "@/lib/applications/count-cap";
import { toName } from "@/lib/french";

export const generateMetadata = sidePageMetadata("EMPLOYER", "Candidatures reçues");

const EMPLOYER_LIST_PATH = ROUTES.employerApplications;
const href = (filters: Partial<ListFilters>) => listHref(EMPLOYER_LIST_PATH, filters);

const sameStatuses = (a: readonly ApplicationStatus[], b: readonly ApplicationStatus[]) =>
  a.length === b.length && a.every((s) => b.includes(s));

export default async function EmployerApplicationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const member = await requireMember("EMPLOYER");
  const filters = parseListFilters(await searchParams);
  const [
    { rows, counts, countsCapped, activeCounts, activeCountsCapped, nextCursor, previousCursor },
    prescriberOrganizations,
    handlers,
    jobs,
  ] = await Promise.all([
    listApplications(member, filters),
    readFilterChoices(member, "prescriberOrganization", filters.prescriberOrganization),
    readFilterChoices(member, "handler", filters.handler),
    listJobChoices(member),
  ]);

  // Counters and filters keep the other filters and restart at page one.
  const pageOne = { ...filters, after: undefined, before: undefined };
  const shown: readonly ApplicationStatus[] = filters.status.length ? filters.status : APPLICATION_STATUSES;
  const total = shown.reduce((sum, status) => sum + counts[status], 0);
  const allStatuses = APPLICATION_STATUSES.reduce((sum, status) => sum + counts[status], 0);
  // The order is not a filter: "correspondant aux filtres" ignores it.
  const hasFilters = listFiltersToSearchParams({ ...pageOne, sort: DEFAULT_LIST_SORT }).toString() !== "";
  // The work queues count active applications, and lead to them, whatever the archive view.
  const counters = [
    ...(["toProcess", "waiting"] as const).map((group) => ({
      ...STATUS_GROUPS[group],
      count: formatListCount(countInGroup(group, activeCounts), activeCountsCapped),
    })),
  ];
  const activeView = filters.archive === "active";
  const showCallout = allStatuses === 0 && !hasFilters;

  return (
    <>
      <h1 className="fr-mb-1w">Candidatures reçues</h1>
      <p>Les candidatures envoyées {toName(member.organization.organizationName)} par les prescripteurs.</p>

      <nav aria-label="Candidatures à traiter" className="fr-mb-3w">
        <ul className="fr-btns-group fr-btns-group--inline-md">
          {counters.map((counter) => {
            const current = activeView && sameStatuses(filters.status, counter.statuses);
            return (
              <li key={counter.label}>
                <Link
                  className={current ? "fr-btn" : "fr-btn fr-btn--secondary"}
                  href={href({ ...pageOne, archive: "active", status: [...counter.statuses] })}
                  aria-current={current ? "true" : undefined}
                  data-testid={`counter-${counter.label === "À traiter" ? "to-process" : "waiting"}`}
                >
                  {counter.label}&nbsp;: {counter.count}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <ArchiveViewNav basePath={EMPLOYER_LIST_PATH} filters={filters} />

      {showCallout ? (
        <div className="fr-callout fr-mb-5w">
          <h2 className="fr-callout__title fr-h5">Aucune candidature reçue pour le moment</h2>
          <p className="fr-callout__text">
            Les candidatures que les prescripteurs envoient {toName(member.organization.organizationName)} apparaîtront ici. Chaque membre
            de l&apos;équipe reçoit aussi un e-mail à chaque nouvelle candidature.
          </p>
        </div>
      ) : (
        <>
          <EmployerFilters filters={filters} prescriberOrganizations={prescriberOrganizations} handlers={handlers} jobs={jobs} />

          <ListTotal total={total} capped={countsCapped} hasFilters={hasFilters} basePath={EMPLOYER_LIST_PATH} filters={pageOne} />
        </>
      )}

      {/* Always at this place in the tree, rows or not: the batch bar keeps its result when a
          batch empties the page (e.g. everything archived). */}
      <EmployerApplicationsTable
        rows={toEmployerTableRows(rows)}
        sort={filters.sort}
        caption={`Candidatures reçues par ${member.organization.organizationName}, triées par ${LIST_SORT_LABELS[filters.sort].toLowerCase()}`}
        empty={
          showCallout ? null : (
            <p className="fr-mb-5w">
              {filters.archive === "archived" && listFiltersToSearchParams({ ...pageOne, archive: "active" }).toString() === ""
                ? "Aucune candidature archivée. "
                : "Aucune candidature ne correspond à ces filtres. "}
              <Link href={EMPLOYER_LIST_PATH}>Effacer les filtres</Link>
            </p>
          )
        }
      />

      {!showCallout && (
        <ListPagination basePath={EMPLOYER_LIST_PATH} filters={filters} nextCursor={nextCursor} previousCursor={previousCursor} />
      )}
    </>
  );
}
