import type { Metadata } from "next";
import Link from "@/components/link";
import { requireMember } from "@/lib/auth/guards";
import { isPrescriber as isPrescriberOrganization } from "@/lib/access";
import { readStatusCounts } from "@/lib/applications/counts";
import { formatListCount } from "@/lib/applications/count-cap";
import { APPLICATION_STATUSES, countInGroup, STATUS_DESCRIPTIONS, STATUS_GROUPS, type StatusGroup } from "@/lib/status";
import { StatusBadge } from "@/components/applications/status-badge";
import { applicationListPath, ROUTES } from "@/lib/routes";

export const metadata: Metadata = { title: "Tableau de bord" };

export default async function DashboardPage() {
  const member = await requireMember();
  // An employer's dashboard leaves archived applications out (issue 10); a prescriber's has them all.
  // From the counter table: a few rows, however many applications (issue 12).
  const counts = await readStatusCounts(member, "active");
  const isPrescriber = isPrescriberOrganization(member);
  const listPath = applicationListPath(isPrescriber);
  const groupHref = (group: StatusGroup) => `${listPath}?${STATUS_GROUPS[group].statuses.map((status) => `status=${status}`).join("&")}`;
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);

  return (
    <>
      <h1>Tableau de bord</h1>
      <p className="fr-text--lead">
        {member.organization.organizationName} —{" "}
        {isPrescriber ? "candidatures envoyées par votre organisation" : "candidatures reçues, hors archivées"}&nbsp;:{" "}
        <strong>{formatListCount(total, false)}</strong>
      </p>

      {!isPrescriber && (
        <ul className="fr-btns-group fr-btns-group--inline-md fr-mb-3w" aria-label="Candidatures à traiter">
          <li>
            <Link className="fr-btn" href={groupHref("toProcess")}>
              {STATUS_GROUPS.toProcess.label}&nbsp;: {formatListCount(countInGroup("toProcess", counts), false)}
            </Link>
          </li>
          <li>
            <Link className="fr-btn fr-btn--secondary" href={groupHref("waiting")}>
              {STATUS_GROUPS.waiting.label}&nbsp;: {formatListCount(countInGroup("waiting", counts), false)}
            </Link>
          </li>
        </ul>
      )}

      <h2 className="fr-h4">Candidatures par statut</h2>
      <div className="fr-grid-row fr-grid-row--gutters">
        {APPLICATION_STATUSES.map((status) => (
          <div key={status} className="fr-col-12 fr-col-sm-6 fr-col-lg-3">
            <div className="fr-tile fr-enlarge-link">
              <div className="fr-tile__body">
                <div className="fr-tile__content">
                  <h3 className="fr-tile__title">
                    <Link href={`${listPath}?status=${status}`} data-testid={`count-${status}`}>
                      <span className="fr-h2 fr-mb-0 fr-mr-1w">{formatListCount(counts[status], false)}</span>
                      <StatusBadge status={status} small />
                    </Link>
                  </h3>
                  <p className="fr-tile__detail">{STATUS_DESCRIPTIONS[status]}</p>
                </div>
              </div>
            </div>
          </div>
        ))}
      </div>

      <h2 className="fr-h4 fr-mt-5w">Raccourcis</h2>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        {isPrescriber ? (
          <>
            <li>
              <Link className="fr-btn" href={ROUTES.newApplication}>
                Envoyer une candidature
              </Link>
            </li>
            <li>
              <Link className="fr-btn fr-btn--secondary" href={ROUTES.prescriberApplications}>
                Suivi des candidatures
              </Link>
            </li>
          </>
        ) : (
          <li>
            <Link className="fr-btn" href={ROUTES.employerApplications}>
              Candidatures reçues
            </Link>
          </li>
        )}
        <li>
          <Link className="fr-btn fr-btn--tertiary" href={ROUTES.help}>
            Aide
          </Link>
        </li>
      </ul>
    </>
  );
}
