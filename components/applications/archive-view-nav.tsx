import Link from "@/components/link";
import { ARCHIVE_VIEWS, ARCHIVE_VIEW_LABELS, listHref, type ListFilters } from "@/lib/applications/list-filters";

/**
 * "Actives / Archivées / Toutes" (issue 10): links, so that the view lives in the URL with the other
 * filters (kept; pagination restarts). The current one is marked for screen readers too.
 */
export function ArchiveViewNav({ basePath, filters }: { basePath: string; filters: ListFilters }) {
  return (
    <nav aria-label="Candidatures actives ou archivées" className="fr-mb-3w">
      <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
        {ARCHIVE_VIEWS.map((view) => {
          const current = filters.archive === view;
          return (
            <li key={view}>
              <Link
                className={current ? "fr-btn fr-btn--sm" : "fr-btn fr-btn--sm fr-btn--tertiary"}
                href={listHref(basePath, { ...filters, archive: view, after: undefined, before: undefined })}
                aria-current={current ? "page" : undefined}
                data-testid={`archive-view-${view}`}
              >
                {ARCHIVE_VIEW_LABELS[view]}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
