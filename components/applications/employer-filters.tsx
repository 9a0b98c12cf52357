import { Select } from "@codegouvfr/react-dsfr/Select";
import type { ListFilters } from "@/lib/applications/list-filters";
import { personName } from "@/components/applications/format";
import { ListFiltersForm } from "@/components/applications/list-filters-form";
import { ROUTES } from "@/lib/routes";
import { SPONTANEOUS_LABEL } from "@/lib/job-descriptions/vocabulary";

export const EMPLOYER_LIST_PATH = ROUTES.employerApplications;

/** The filters of "Candidatures reçues": the shared frame plus the prescriber organisation and the handler. */
export function EmployerFilters({
  filters,
  prescriberOrganizations,
  handlers,
  jobs,
}: {
  filters: ListFilters;
  prescriberOrganizations: { id: string; name: string }[];
  handlers: { id: string; firstName: string; lastName: string }[];
  jobs: { id: string; title: string; isOpen: boolean }[];
}) {
  return (
    <ListFiltersForm action={EMPLOYER_LIST_PATH} filters={filters} dateLabels={{ from: "Reçue à partir du", to: "Reçue jusqu'au" }}>
      {/* Filtering keeps the archive view chosen above the form. */}
      {filters.archive !== "active" && <input type="hidden" name="archive" value={filters.archive} />}
      <div className="fr-col-12 fr-col-md-4">
        <Select
          label="Organisation du prescripteur"
          nativeSelectProps={{ name: "prescriberOrganization", defaultValue: filters.prescriberOrganization ?? "" }}
        >
          <option value="">Toutes les organisations</option>
          {prescriberOrganizations.map((organization) => (
            <option key={organization.id} value={organization.id}>
              {organization.name}
            </option>
          ))}
        </Select>
      </div>
      <div className="fr-col-12 fr-col-md-4">
        <Select label="Pris en charge par" nativeSelectProps={{ name: "handler", defaultValue: filters.handler ?? "" }}>
          <option value="">Tous les membres de l&apos;équipe</option>
          <option value="none">Personne</option>
          {handlers.map((user) => (
            <option key={user.id} value={user.id}>
              {personName(user)}
            </option>
          ))}
        </Select>
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
