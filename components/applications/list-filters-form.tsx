import type { ReactNode } from "react";
import Link from "@/components/link";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { DEFAULT_LIST_SORT, LIST_SORTS, LIST_SORT_LABELS, type ListFilters } from "@/lib/applications/list-filters";
import { APPLICATION_STATUSES, STATUS_LABELS } from "@/lib/status";

/**
 * The frame of both list screens' filters: a plain GET form, so that the filters live in the URL
 * (shareable, back button) and work without JavaScript; submitting starts again at page one.
 * Each side passes its own selects as children, between the candidate name and the dates.
 */
export function ListFiltersForm({
  action,
  filters,
  dateLabels,
  children,
}: {
  action: string;
  filters: ListFilters;
  dateLabels: { from: string; to: string };
  children: ReactNode;
}) {
  return (
    <form method="get" action={action} aria-labelledby="list-filters-title" className="fr-p-3w fr-mb-3w fr-background-alt--grey">
      <h2 id="list-filters-title" className="fr-h5">
        Filtrer les candidatures
      </h2>
      <Checkbox
        legend="Statut"
        hintText="Plusieurs statuts possibles"
        orientation="horizontal"
        small
        options={APPLICATION_STATUSES.map((status) => ({
          label: STATUS_LABELS[status],
          nativeInputProps: { name: "status", value: status, defaultChecked: filters.status.includes(status) },
        }))}
      />
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <Input label="Nom du candidat" nativeInputProps={{ name: "candidate", type: "search", defaultValue: filters.candidate ?? "" }} />
        </div>
        {children}
        <div className="fr-col-12 fr-col-md-4">
          <Input label={dateLabels.from} nativeInputProps={{ name: "sentFrom", type: "date", defaultValue: filters.sentFrom ?? "" }} />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input label={dateLabels.to} nativeInputProps={{ name: "sentTo", type: "date", defaultValue: filters.sentTo ?? "" }} />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          {/* The order lives in the URL like the filters (issue 10 item 5); a select, since sorting by
              one header at a time would leave out the direction on touch screens. */}
          <Select label="Trier par" nativeSelectProps={{ name: "sort", defaultValue: filters.sort ?? DEFAULT_LIST_SORT }}>
            {LIST_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {LIST_SORT_LABELS[sort]}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-2w fr-mb-0">
        <li>
          <button type="submit" className="fr-btn">
            Filtrer
          </button>
        </li>
        <li>
          <Link className="fr-btn fr-btn--tertiary" href={action}>
            Effacer les filtres
          </Link>
        </li>
      </ul>
    </form>
  );
}
