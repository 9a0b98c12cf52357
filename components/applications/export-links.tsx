import { formatListCount } from "@/lib/applications/count-cap";
import { listFiltersToSearchParams, type ListFilters } from "@/lib/applications/list-filters";

const FORMATS = [
  { format: "xlsx", label: "XLSX" },
  { format: "csv", label: "CSV" },
] as const;

/** "Exporter ces candidatures": the list under its filters and order, whatever page is shown. */
export function ExportLinks({ basePath, filters }: { basePath: string; filters: ListFilters }) {
  return (
    <ul className="fr-links-group fr-links-group--inline fr-mb-0">
      {FORMATS.map(({ format, label }) => {
        const params = listFiltersToSearchParams({ ...filters, after: undefined, before: undefined });
        params.set("format", format);
        return (
          <li key={format}>
            {/* A plain link, not a page to prefetch. No `download` attribute: the file comes as an
                attachment and the list stays; a sign-in page after an expired session is shown,
                where `download` saved it as the file. */}
            <a className="fr-link fr-icon-download-line fr-link--icon-left" href={`${basePath}/export?${params}`}>
              Exporter en {label}
            </a>
          </li>
        );
      })}
    </ul>
  );
}

/** Above either list: how many applications match (announced to screen readers), and their exports. */
export function ListTotal({
  total,
  capped,
  hasFilters,
  basePath,
  filters,
}: {
  total: number;
  /** The total stopped at the cap (a broad filter on a large list). */
  capped: boolean;
  hasFilters: boolean;
  basePath: string;
  filters: ListFilters;
}) {
  return (
    <div className="fr-grid-row fr-grid-row--middle fr-grid-row--gutters fr-mb-1w">
      <p role="status" className="fr-col fr-text--bold fr-mb-0">
        {total === 0 ? "Aucune candidature" : total === 1 ? "1 candidature" : `${formatListCount(total, capped)} candidatures`}
        {hasFilters ? " correspondant aux filtres" : ""}
      </p>
      {total > 0 && (
        <div className="fr-col-auto">
          <ExportLinks basePath={basePath} filters={filters} />
        </div>
      )}
    </div>
  );
}
