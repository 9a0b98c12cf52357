import Link from "@/components/link";
import { ListPagination } from "@/components/applications/list-pagination";
import { requireMember, sidePageMetadata } from "@/lib/auth/guards";
import { listApplications } from "@/lib/applications/list";
import { DEFAULT_LIST_SORT, LIST_SORT_LABELS, listHref, parseListFilters, type ListFilters } from "@/lib/applications/list-filters";
import { readFilterChoices } from "@/lib/applications/filter-choices";
import { APPLICATION_STATUSES, type ApplicationStatus } from "@/lib/status";
import { PrescriberFilters } from "@/components/applications/prescriber-filters";
import { PrescriberApplicationsTable } from "@/components/applications/prescriber-applications-table";
import { toPrescriberTableRows } from "@/components/applications/prescriber-table-rows";
import { StatusCounters } from "@/components/applications/status-counters";
import { ROUTES } from "@/lib/routes";
import { ListTotal } from "@/components/applications/export-links";

export const generateMetadata = sidePageMetadata("PRESCRIBER", "Suivi des candidatures");

const BASE_PATH = ROUTES.prescriberApplications;

export default async function PrescriberApplicationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const member = await requireMember("PRESCRIBER");
  const filters = parseListFilters(await searchParams);
  const [{ rows, counts, countsCapped, nextCursor, previousCursor }, senders, employers] = await Promise.all([
    listApplications(member, filters),
    readFilterChoices(member, "sender", filters.sender),
    readFilterChoices(member, "employer", filters.employer),
  ]);

  const shown: readonly ApplicationStatus[] = filters.status.length ? filters.status : APPLICATION_STATUSES;
  const total = shown.reduce((sum, status) => sum + counts[status], 0);
  // The same filters from the first page: pagination links and counters restart from there.
  const pageOne: ListFilters = { ...filters, after: undefined, before: undefined };
  const href = (target: ListFilters) => listHref(BASE_PATH, target);
  // The order is not a filter: "correspondant aux filtres" and "Effacer les filtres" ignore it.
  const hasFilters = href({ ...pageOne, sort: DEFAULT_LIST_SORT }) !== BASE_PATH;

  return (
    <>
      <div className="fr-grid-row fr-grid-row--middle fr-mb-2w">
        <div className="fr-col">
          <h1 className="fr-mb-1w">Suivi des candidatures</h1>
          <p className="fr-mb-0">
            Toutes les candidatures envoyées par {member.organization.organizationName}&nbsp;: les vôtres et celles de vos collègues.
          </p>
        </div>
        <div className="fr-col-auto">
          <Link className="fr-btn fr-icon-send-plane-line fr-btn--icon-left" href={ROUTES.newApplication}>
            Envoyer une candidature
          </Link>
        </div>
      </div>

      <StatusCounters counts={counts} capped={countsCapped} filters={filters} basePath={BASE_PATH} />
      <PrescriberFilters filters={filters} senders={senders} employers={employers} />

      <ListTotal total={total} capped={countsCapped} hasFilters={hasFilters} basePath={BASE_PATH} filters={pageOne} />

      {rows.length === 0 ? (
        <div className="fr-mb-5w">
          {hasFilters ? (
            <p>
              Aucune candidature ne correspond à ces filtres. <Link href={BASE_PATH}>Effacer les filtres</Link>
            </p>
          ) : (
            <p>Votre organisation n&apos;a encore envoyé aucune candidature.</p>
          )}
        </div>
      ) : (
        <PrescriberApplicationsTable
          rows={toPrescriberTableRows(rows)}
          caption={`Candidatures envoyées par ${member.organization.organizationName}, triées par ${LIST_SORT_LABELS[filters.sort].toLowerCase()}`}
        />
      )}

      <ListPagination basePath={BASE_PATH} filters={filters} nextCursor={nextCursor} previousCursor={previousCursor} />
    </>
  );
}
