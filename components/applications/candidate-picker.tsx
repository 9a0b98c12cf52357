"use client";
import { useState } from "react";
import { useFormContext } from "react-hook-form";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { searchCandidatesAction } from "@/lib/applications/send-actions";
import type { CandidateSearchResult } from "@/lib/applications/candidates";
import type { SendApplicationFormValues } from "@/lib/applications/send-validation";
import { keepSelected, searchStatusMessage, useDebouncedSearch } from "@/components/applications/use-debounced-search";
import { formatCalendarDate, personName } from "@/components/applications/format";

/** "Candidat déjà accompagné": search among the people this organisation already applied for. */
export function CandidatePicker({
  selected,
  onSelect,
}: {
  selected: CandidateSearchResult | null;
  onSelect: (candidate: CandidateSearchResult) => void;
}) {
  const {
    register,
    formState: { errors },
  } = useFormContext<SendApplicationFormValues>();
  const [query, setQuery] = useState("");
  const trimmed = query.trim();
  const enabled = trimmed.length >= 2;
  const search = useDebouncedSearch(trimmed, enabled, () => searchCandidatesAction({ query: trimmed }));

  const options = keepSelected(selected, search.results);
  const error = errors.candidateId?.message;
  const field = register("candidateId");

  const status = searchStatusMessage(search, enabled, {
    idle: "Saisissez au moins 2 caractères du prénom ou du nom.",
    none: "Aucun candidat de votre organisation ne correspond à cette recherche. Vérifiez l'orthographe, ou choisissez «\u00a0Nouveau candidat\u00a0».",
    found: (count) => (count === 1 ? "1 candidat trouvé." : `${count} candidats trouvés.`),
  });

  return (
    <>
      <div className="fr-fieldset__element">
        <Input
          label="Rechercher un candidat"
          hintText="Parmi les personnes pour lesquelles votre organisation a déjà envoyé une candidature"
          state={error && options.length === 0 ? "error" : "default"}
          stateRelatedMessage={error}
          nativeInputProps={{
            type: "search",
            value: query,
            autoComplete: "off",
            "aria-describedby": "candidate-search-status",
            onChange: (event) => setQuery(event.target.value),
            onKeyDown: (event) => {
              if (event.key === "Enter") event.preventDefault();
            },
          }}
        />
        <p id="candidate-search-status" className="fr-hint-text fr-mb-2w" role="status">
          {status}
        </p>
      </div>
      {options.length > 0 && (
        <div className="fr-fieldset__element">
          <RadioButtons
            legend="Candidats trouvés"
            state={error ? "error" : "default"}
            stateRelatedMessage={error}
            options={options.map((candidate) => ({
              label: personName(candidate),
              hintText:
                [
                  candidate.birthDate ? `Date de naissance\u00a0: ${formatCalendarDate(candidate.birthDate)}` : null,
                  candidate.email ?? "Sans adresse e-mail",
                ]
                  .filter(Boolean)
                  .join(" — ") || undefined,
              nativeInputProps: {
                ...field,
                value: candidate.id,
                onChange: (event) => {
                  onSelect(candidate);
                  return field.onChange(event);
                },
              },
            }))}
          />
        </div>
      )}
    </>
  );
}
