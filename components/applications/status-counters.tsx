import Link from "@/components/link";
import { listFiltersToSearchParams, type ListFilters } from "@/lib/applications/list-filters";
import { formatListCount } from "@/lib/applications/count-cap";
import { APPLICATION_STATUSES, STATUS_LABELS, type ApplicationStatus } from "@/lib/status";

/**
 * Counts per status under the other filters of the list, each a link that narrows the list to
 * that status (the other filters are kept; pagination restarts).
 */
export function StatusCounters({
  counts,
  capped,
  filters,
  basePath,
}: {
  counts: Record<ApplicationStatus, number>;
  /** The counts stopped at the cap (a broad filter): "10 000 et plus". */
  capped: boolean;
  filters: ListFilters;
  basePath: string;
}) {
  const total = APPLICATION_STATUSES.reduce((sum, status) => sum + counts[status], 0);
  const href = (status: ApplicationStatus | null) => {
    const params = listFiltersToSearchParams({ ...filters, status: status ? [status] : [], after: undefined, before: undefined });
    const query = params.toString();
    return query ? `${basePath}?${query}` : basePath;
  };
  const isOnly = (status: ApplicationStatus) => filters.status.length === 1 && filters.status[0] === status;
  // The counter of the list on screen looks selected, as DSFR's pressed tags do.
  const current = (on: boolean) =>
    on
      ? {
          "aria-current": "true" as const,
          style: { backgroundColor: "var(--background-action-high-blue-france)", color: "var(--text-inverted-blue-france)" },
        }
      : {};

  return (
    <nav aria-label="Nombre de candidatures par statut" className="fr-mb-3w">
      <ul className="fr-tags-group">
        <li>
          <Link className="fr-tag" href={href(null)} {...current(filters.status.length === 0)}>
            Tous les statuts&nbsp;: {formatListCount(total, capped)}
          </Link>
        </li>
        {APPLICATION_STATUSES.map((status) => (
          <li key={status}>
            <Link className="fr-tag" href={href(status)} {...current(isOnly(status))} data-testid={`counter-${status}`}>
              {STATUS_LABELS[status]}&nbsp;: {formatListCount(counts[status], capped)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
