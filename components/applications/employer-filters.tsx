"use client";
// A client component: the page sends it the filters and their choices, not its element tree
// (issue 12: the form was a tenth of the list page's RSC payload).
import { Select } from "@codegouvfr/react-dsfr/Select";
import type { ListFilters } from "@/lib/applications/list-filters";
import type { FilterChoices } from "@/lib/applications/filter-choice-validation";
import { FilterChoiceField } from "@/components/applications/filter-choice-field";
import { ListFiltersForm } from "@/components/applications/list-filters-form";
import { ROUTES } from "@/lib/routes";
import { SPONTANEOUS_LABEL } from "@/lib/job-descriptions/vocabulary";

/** The filters of "Candidatures reçues": the shared frame plus the prescriber organisation and the handler. */
export function EmployerFilters({
  filters,
  prescriberOrganizations,
  handlers,
  jobs,
}: {
  filters: ListFilters;
  prescriberOrganizations: FilterChoices;
  handlers: FilterChoices;
  jobs: { id: string; title: string; isOpen: boolean }[];
}) {
  return (
    <ListFiltersForm
      action={ROUTES.employerApplications}
      filters={filters}
      dateLabels={{ from: "Reçue à partir du", to: "Reçue jusqu'au" }}
    >
      {/* Filtering keeps the archive view chosen above the form. */}
      {filters.archive !== "active" && <input type="hidden" name="archive" value={filters.archive} />}
      <div className="fr-col-12 fr-col-md-4">
        <FilterChoiceField
          filter="prescriberOrganization"
          label="Organisation du prescripteur"
          allLabel="Toutes les organisations"
          choices={prescriberOrganizations}
          value={filters.prescriberOrganization}
        />
      </div>
      <div className="fr-col-12 fr-col-md-4">
        <FilterChoiceField
          filter="handler"
          label="Prise en charge par"
          allLabel="Tous les membres de l'équipe"
          fixedChoices={[{ id: "none", label: "Personne" }]}
          choices={handlers}
          value={filters.handler}
        />
      </div>
      <div className="fr-col-12 fr-col-md-4">
        <Select label="Poste" nativeSelectProps={{ name: "job", defaultValue: filters.job ?? "" }}>
          <option value="">Tous les postes</option>
          <option value="spontaneous">{SPONTANEOUS_LABEL}</option>
          {jobs.map((job) => (
            <option key={job.id} value={job.id}>
              {job.isOpen ? job.title : `${job.title} (recrutement fermé)`}
            </option>
          ))}
        </Select>
      </div>
    </ListFiltersForm>
  );
}
