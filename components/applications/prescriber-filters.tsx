import { Select } from "@codegouvfr/react-dsfr/Select";
import type { ListFilters } from "@/lib/applications/list-filters";
import { personName } from "@/components/applications/format";
import { ListFiltersForm } from "@/components/applications/list-filters-form";
import { ROUTES } from "@/lib/routes";

interface Option {
  id: string;
  label: string;
}

/** The filters of "Suivi des candidatures": the shared frame plus the colleague who sent it and the employer. */
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
    <ListFiltersForm
      action={ROUTES.prescriberApplications}
      filters={filters}
      dateLabels={{ from: "Envoyée à partir du", to: "Envoyée jusqu'au" }}
    >
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
    </ListFiltersForm>
  );
}
