import Link from "next/link";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import type { ListFilters } from "@/lib/applications/list-filters";
import { APPLICATION_STATUSES, STATUS_LABELS } from "@/lib/status";
import { personName } from "@/components/applications/format";

interface Option {
  id: string;
  label: string;
}

/**
 * The filters of "Suivi des candidatures": a plain GET form, so that the filters live in the URL
 * (shareable, back button) and work without JavaScript.
 */
export function PrescriberFilters({
  filters,
  senders,
  employers,
}: {
  filters: ListFilters;
  senders: { id: string; firstName: string; lastName: string; email: string }[];
  employers: { id: string; name: string; city: string }[];
}) {
  const senderOptions: Option[] = senders.map((user) => ({ id: user.id, label: personName(user) || user.email }));
  const employerOptions: Option[] = employers.map((org) => ({ id: org.id, label: org.city ? `${org.name} (${org.city})` : org.name }));

  return (
    <form method="get" action="/prescriber/applications" aria-labelledby="filters-title" className="fr-p-3w fr-mb-3w fr-background-alt--grey">
      <h2 id="filters-title" className="fr-h5">
        Filtrer les candidatures
      </h2>
      <Checkbox
        legend="Statut"
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
          <Select label="Envoyée par" nativeSelectProps={{ name: "sender", defaultValue: filters.sender ?? "" }}>
            <option value="">Tous les membres de l&apos;organisation</option>
            {senderOptions.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Select label="Employeur" nativeSelectProps={{ name: "employer", defaultValue: filters.employer ?? "" }}>
            <option value="">Tous les employeurs</option>
            {employerOptions.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input label="Envoyée à partir du" nativeInputProps={{ name: "sentFrom", type: "date", defaultValue: filters.sentFrom ?? "" }} />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input label="Envoyée jusqu'au" nativeInputProps={{ name: "sentTo", type: "date", defaultValue: filters.sentTo ?? "" }} />
        </div>
      </div>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-2w fr-mb-0">
        <li>
          <button type="submit" className="fr-btn">
            Filtrer
          </button>
        </li>
        <li>
          <Link className="fr-btn fr-btn--tertiary" href="/prescriber/applications">
            Effacer les filtres
          </Link>
        </li>
      </ul>
    </form>
  );
}
