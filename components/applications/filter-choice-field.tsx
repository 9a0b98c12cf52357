import { Select } from "@codegouvfr/react-dsfr/Select";
import type { FilterChoice, FilterChoiceName, FilterChoices } from "@/lib/applications/filter-choice-validation";
import { FilterChoiceSearch } from "@/components/applications/filter-choice-search";

/**
 * One people or organisation filter of a list: the native DSFR select while the organisation has
 * few choices, the search field beyond (lib/applications/filter-choices.ts decides). Either way the
 * chosen id is submitted under `filter`, the query parameter the list reads.
 */
export function FilterChoiceField({
  filter,
  label,
  allLabel,
  fixedChoices = [],
  choices,
  value,
}: {
  filter: FilterChoiceName;
  label: string;
  allLabel: string;
  /** Offered whatever the search ("Personne" for the handler), after the empty choice. */
  fixedChoices?: FilterChoice[];
  choices: FilterChoices;
  /** The id in the URL now. */
  value: string | undefined;
}) {
  if (choices.mode === "search") {
    const selected = fixedChoices.find((choice) => choice.id === value) ?? choices.selected;
    // Keyed by the choice: a link to other filters (no reload) starts the field afresh from the URL.
    return (
      <FilterChoiceSearch
        key={selected?.id ?? ""}
        filter={filter}
        label={label}
        allLabel={allLabel}
        fixedChoices={fixedChoices}
        selected={selected}
      />
    );
  }
  return (
    <Select label={label} nativeSelectProps={{ name: filter, defaultValue: value ?? "" }}>
      <option value="">{allLabel}</option>
      {[...fixedChoices, ...choices.options].map((choice) => (
        <option key={choice.id} value={choice.id}>
          {choice.label}
        </option>
      ))}
    </Select>
  );
}
