"use client";
// A client component: the page sends it the filters and their choices, not its element tree
// (issue 12: the form was a tenth of the list page's RSC payload).
import type { ListFilters } from "@/lib/applications/list-filters";
import type { FilterChoices } from "@/lib/applications/filter-choice-validation";
import { FilterChoiceField } from "@/components/applications/filter-choice-field";
import { ListFiltersForm } from "@/components/applications/list-filters-form";
import { ROUTES } from "@/lib/routes";

/** The filters of "Suivi des candidatures": the shared frame plus the colleague who sent it and the employer. */
export function PrescriberFilters({
  filters,
  senders,
  employers,
}: {
  filters: ListFilters;
  senders: FilterChoices;
  employers: FilterChoices;
}) {
  return (
    <ListFiltersForm
      action={ROUTES.prescriberApplications}
      filters={filters}
      dateLabels={{ from: "Envoyée à partir du", to: "Envoyée jusqu'au" }}
    >
      <div className="fr-col-12 fr-col-md-4">
        <FilterChoiceField
          filter="sender"
          label="Envoyée par"
          allLabel="Tous les membres de l'organisation"
          choices={senders}
          value={filters.sender}
        />
      </div>
      <div className="fr-col-12 fr-col-md-4">
        <FilterChoiceField
          filter="employer"
          label="Employeur"
          allLabel="Tous les employeurs"
          choices={employers}
          value={filters.employer}
        />
      </div>
    </ListFiltersForm>
  );
}
