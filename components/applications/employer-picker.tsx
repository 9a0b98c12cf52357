"use client";
import { useEffect, useState } from "react";
import { useFormContext } from "react-hook-form";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { searchEmployersAction } from "@/lib/applications/send-actions";
import type { EmployerSearchResult } from "@/lib/applications/employers";
import type { SendApplicationFormValues } from "@/lib/applications/send-validation";
import { EMPLOYER_TYPE_LABELS, EMPLOYER_TYPES, type EmployerType } from "@/lib/status";
import { keepSelected, searchStatusMessage, useDebouncedSearch } from "@/components/applications/use-debounced-search";
import { JobPicker, recruitingSummary } from "@/components/applications/job-picker";

const employerLabel = (employer: EmployerSearchResult) => (employer.city ? `${employer.name} — ${employer.city}` : employer.name);

/** Search by name, city or type, then pick one employer from the results (radio buttons: keyboard-friendly). */
export function EmployerPicker() {
  const {
    register,
    setValue,
    getValues,
    formState: { errors },
  } = useFormContext<SendApplicationFormValues>();
  const [query, setQuery] = useState("");
  const [type, setType] = useState<EmployerType | "">("");
  const [selected, setSelected] = useState<EmployerSearchResult | null>(null);

  const trimmed = query.trim();
  const enabled = trimmed.length >= 2 || type !== "";
  const search = useDebouncedSearch(JSON.stringify([trimmed, type]), enabled, () =>
    searchEmployersAction({ query: trimmed, type: type || undefined }),
  );

  // The server refused the jobs (one closed while the form was open): read the employer's open jobs
  // again, and untick those that are no longer offered.
  const jobsRefused = errors.jobIds?.type === "server" ? errors.jobIds.message : undefined;
  const selectedId = selected?.id;
  const selectedName = selected?.name;
  useEffect(() => {
    if (!jobsRefused || !selectedId || !selectedName) return;
    let cancelled = false;
    void searchEmployersAction({ query: selectedName.slice(0, 100) }).then((result) => {
      const fresh = result.ok ? result.results.find((employer) => employer.id === selectedId) : undefined;
      if (cancelled || !fresh) return;
      setSelected(fresh);
      const open = new Set(fresh.openJobs.map((job) => job.id));
      const picked = getValues("jobIds");
      if (Array.isArray(picked))
        setValue(
          "jobIds",
          (picked as string[]).filter((id) => open.has(id)),
        );
      if (!fresh.spontaneousApplicationsOpen) setValue("spontaneous", false);
    });
    return () => {
      cancelled = true;
    };
  }, [jobsRefused, selectedId, selectedName, getValues, setValue]);

  const options = keepSelected(selected, search.results);
  const error = errors.employerOrganizationId?.message;
  const field = register("employerOrganizationId");

  const status = searchStatusMessage(search, enabled, {
    idle: "Saisissez au moins 2 caractères ou choisissez un type de structure.",
    none: `Aucun employeur ne correspond à votre recherche. Vérifiez l'orthographe, ou cherchez par ville ou par type de structure (${EMPLOYER_TYPES.join(", ")}).`,
    found: (count) => (count === 1 ? "1 employeur trouvé." : `${count} employeurs trouvés.`),
  });

  return (
    <fieldset className="fr-fieldset" aria-labelledby="employer-legend">
      <legend className="fr-fieldset__legend" id="employer-legend">
        <h2 className="fr-h4 fr-mb-0">Employeur</h2>
      </legend>
      <div className="fr-fieldset__element fr-col-12 fr-col-md-7">
        <Input
          label="Rechercher un employeur"
          hintText="Nom de la structure, ville ou code postal, type (EI, ACI…)"
          state={error && options.length === 0 ? "error" : "default"}
          stateRelatedMessage={error}
          nativeInputProps={{
            type: "search",
            value: query,
            autoComplete: "off",
            "aria-describedby": "employer-search-status",
            onChange: (event) => setQuery(event.target.value),
            // Enter searches (already live) instead of submitting the whole application.
            onKeyDown: (event) => {
              if (event.key === "Enter") event.preventDefault();
            },
          }}
        />
      </div>
      <div className="fr-fieldset__element fr-col-12 fr-col-md-5">
        <Select
          label="Type de structure"
          nativeSelectProps={{ value: type, onChange: (event) => setType(event.target.value as EmployerType | "") }}
        >
          <option value="">Tous les types</option>
          {EMPLOYER_TYPES.map((code) => (
            <option key={code} value={code}>
              {EMPLOYER_TYPE_LABELS[code]}
            </option>
          ))}
        </Select>
      </div>
      <div className="fr-fieldset__element">
        <p id="employer-search-status" className="fr-hint-text fr-mb-2w" role="status">
          {status}
        </p>
        {options.length > 0 && (
          <RadioButtons
            legend="Employeurs trouvés"
            hintText="Choisissez l'employeur qui recevra la candidature."
            state={error ? "error" : "default"}
            stateRelatedMessage={error}
            options={options.map((employer) => ({
              label: employerLabel(employer),
              hintText: `${EMPLOYER_TYPE_LABELS[employer.type]}${employer.postalCode ? ` — ${employer.postalCode}` : ""} · ${recruitingSummary(employer)}`,
              nativeInputProps: {
                ...field,
                value: employer.id,
                onChange: (event) => {
                  setSelected(employer);
                  // Another employer, other jobs; spontaneous is preselected when it is the only choice.
                  setValue("jobIds", []);
                  setValue("spontaneous", employer.openJobs.length === 0 && employer.spontaneousApplicationsOpen);
                  return field.onChange(event);
                },
              },
            }))}
          />
        )}
      </div>
      {selected && (
        <div className="fr-fieldset__element">
          <JobPicker employer={selected} />
        </div>
      )}
    </fieldset>
  );
}
