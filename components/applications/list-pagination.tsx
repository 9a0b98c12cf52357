import Link from "next/link";
import { listHref, type ListFilters } from "@/lib/applications/list-filters";

/** Keyset page links of both list screens; every link keeps the filters (DESIGN §7). */
export function ListPagination({
  basePath,
  filters,
  nextCursor,
  previousCursor,
}: {
  basePath: string;
  filters: ListFilters;
  nextCursor: string | null;
  previousCursor: string | null;
}) {
  const pageOne = { ...filters, after: undefined, before: undefined };
  const isPaged = Boolean(filters.after || filters.before);
  if (!isPaged && !nextCursor && !previousCursor) return null;
  return (
    <nav aria-label="Pages de résultats" className="fr-mt-3w">
      <ul className="fr-btns-group fr-btns-group--inline-md">
        {isPaged && (
          <li>
            <Link className="fr-btn fr-btn--tertiary" href={listHref(basePath, pageOne)}>
              Première page
            </Link>
          </li>
        )}
        {previousCursor && (
          <li>
            <Link className="fr-btn fr-btn--secondary fr-icon-arrow-left-line fr-btn--icon-left" href={listHref(basePath, { ...pageOne, before: previousCursor })}>
              Page précédente
            </Link>
          </li>
        )}
        {nextCursor && (
          <li>
            <Link className="fr-btn fr-btn--secondary fr-icon-arrow-right-line fr-btn--icon-right" href={listHref(basePath, { ...pageOne, after: nextCursor })}>
              Page suivante
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
