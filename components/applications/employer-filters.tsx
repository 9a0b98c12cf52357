import Link from "next/link";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import type { ListFilters } from "@/lib/applications/list-filters";
import { APPLICATION_STATUSES, STATUS_LABELS } from "@/lib/status";
import { personName } from "@/components/applications/format";

export const EMPLOYER_LIST_PATH = "/employer/applications";

/**
 * The filters of "Candidatures reçues": a plain GET form, so that they live in the URL
 * (shareable, back button) and work without JavaScript. Submitting starts again at page one.
 */
export function EmployerFilters({
  filters,
  prescriberOrganizations,
  handlers,
}: {
  filters: ListFilters;
  prescriberOrganizations: { id: string; name: string }[];
  handlers: { id: string; firstName: string; lastName: string }[];
}) {
  return (
    <form method="get" action={EMPLOYER_LIST_PATH} aria-labelledby="employer-filters-title" className="fr-p-3w fr-mb-3w fr-background-alt--grey">
      <h2 id="employer-filters-title" className="fr-h5">
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
          <Input label="Reçue à partir du" nativeInputProps={{ name: "sentFrom", type: "date", defaultValue: filters.sentFrom ?? "" }} />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input label="Reçue jusqu'au" nativeInputProps={{ name: "sentTo", type: "date", defaultValue: filters.sentTo ?? "" }} />
        </div>
      </div>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-2w fr-mb-0">
        <li>
          <button type="submit" className="fr-btn">
            Filtrer
          </button>
        </li>
        <li>
          <Link className="fr-btn fr-btn--tertiary" href={EMPLOYER_LIST_PATH}>
            Effacer les filtres
          </Link>
        </li>
      </ul>
    </form>
  );
}
