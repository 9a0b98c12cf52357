"use client";
import { useEffect, useId, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import { flushSync } from "react-dom";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { searchFilterChoicesAction } from "@/lib/applications/filter-choice-actions";
import {
  FILTER_SEARCH_LIMIT,
  FILTER_SEARCH_MIN_LENGTH,
  type FilterChoice,
  type FilterChoiceName,
} from "@/lib/applications/filter-choice-validation";
import { searchStatusMessage, useDebouncedSearch } from "@/components/applications/use-debounced-search";
import "./filter-choice-search.css";
import { quoted } from "@/lib/french";

const noSubscription = () => () => undefined;
/** false on the server and while the page hydrates, true once this component runs in the browser. */
const useHydrated = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

interface Props {
  /** The query parameter the chosen id is submitted under, as the select it replaces. */
  filter: FilterChoiceName;
  label: string;
  /** The empty choice ("Toutes les organisations"). */
  allLabel: string;
  /** Choices that are not searched but always offered (the handler's "Personne"). */
  fixedChoices?: FilterChoice[];
  /** The current choice, named by the server; null: the empty one. */
  selected: FilterChoice | null;
}

/**
 * A list filter with too many choices for a select (issue 12): an editable combobox (WAI-ARIA
 * list autocomplete) that asks the server for at most FILTER_SEARCH_LIMIT matches from
 * FILTER_SEARCH_MIN_LENGTH characters, picked with the arrows and Enter or the mouse; the chosen id
 * goes in a hidden field under the filter's usual query parameter. Before hydration, and without
 * JavaScript, a select of the current choice and the empty one: the page never carries every choice.
 */
export function FilterChoiceSearch({ filter, label, allLabel, fixedChoices = [], selected }: Props) {
  const hydrated = useHydrated();
  const all: FilterChoice = { id: "", label: allLabel };
  const initial = selected ?? all;
  const [chosen, setChosen] = useState(initial);
  const [text, setText] = useState(initial.label);
  // Whether the text is a query typed since the last choice (else it shows the choice).
  const [editing, setEditing] = useState(false);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const statusId = `${id}-status`;

  const query = editing ? text.trim() : "";
  const enabled = query.length >= FILTER_SEARCH_MIN_LENGTH;
  const search = useDebouncedSearch(JSON.stringify([filter, query]), enabled, () => searchFilterChoicesAction({ filter, query }));
  const unsearched = [all, ...fixedChoices];
  const options = enabled
    ? search.results
    : chosen.id && !unsearched.some((c) => c.id === chosen.id)
      ? [...unsearched, chosen]
      : unsearched;
  const expanded = open && options.length > 0;
  const activeId = expanded && active >= 0 && active < options.length ? `${listId}-${active}` : undefined;

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: "nearest" });
  }, [activeId]);

  if (!hydrated) {
    return (
      <Select label={label} nativeSelectProps={{ name: filter, defaultValue: initial.id }}>
        {[...unsearched, ...(selected && !unsearched.some((c) => c.id === selected.id) ? [selected] : [])].map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.label}
          </option>
        ))}
      </Select>
    );
  }

  const choose = (choice: FilterChoice) => {
    setChosen(choice);
    setText(choice.label);
    setEditing(false);
    setOpen(false);
    setActive(-1);
  };
  // Leaving the field: an emptied field means every choice; a query left unpicked gives the choice back.
  const settle = () => {
    if (editing) choose(text.trim() === "" ? all : chosen);
    else setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = options.length - 1;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        setOpen(true);
        setActive(expanded && active < last ? active + 1 : 0);
        return;
      case "ArrowUp":
        event.preventDefault();
        setOpen(true);
        setActive(expanded && active > 0 ? active - 1 : last);
        return;
      case "Enter":
        if (activeId) {
          // Picks the option instead of submitting the filters.
          event.preventDefault();
          choose(options[active]!);
        } else if (editing && text.trim() !== "") {
          // A query is not a choice: show the matches rather than filter on the previous choice.
          event.preventDefault();
          setOpen(true);
        } else if (editing) {
          // Emptied then Enter: submit with every choice, the hidden field updated first.
          flushSync(() => choose(all));
        }
        return;
      case "Escape":
        if (expanded) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (editing) {
          event.preventDefault();
          choose(chosen);
        }
        return;
    }
  };

  const status = searchStatusMessage(search, enabled, {
    idle: `Saisissez au moins ${FILTER_SEARCH_MIN_LENGTH} caractères pour chercher, ou videz le champ pour ${quoted(allLabel)}.`,
    none: "Aucun résultat\u00a0: vérifiez l'orthographe ou saisissez une autre partie du nom.",
    found: (count) =>
      `${count === 1 ? "1 résultat" : `${count} résultats`}${count >= FILTER_SEARCH_LIMIT ? ` (les ${FILTER_SEARCH_LIMIT} premiers\u00a0: précisez la recherche)` : ""}. Flèches haut et bas pour parcourir, Entrée pour choisir.`,
  });

  return (
    <div className="fr-input-group">
      <label className="fr-label" htmlFor={inputId}>
        {label}
      </label>
      {/* The list opens right under the field, over what follows. */}
      <div className="fr-input-wrap fr-icon-search-line">
        <input
          id={inputId}
          className="fr-input"
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={activeId}
          aria-describedby={statusId}
          autoComplete="off"
          spellCheck={false}
          value={text}
          onFocus={(event) => event.currentTarget.select()}
          onChange={(event) => {
            setText(event.target.value);
            setEditing(true);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={settle}
        />
        <ul id={listId} role="listbox" aria-label={label} className="filter-choice__listbox" hidden={!expanded}>
          {expanded &&
            options.map((option, index) => (
              <li
                key={option.id || "all"}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                className={option.id === chosen.id ? "filter-choice__option filter-choice__option--current" : "filter-choice__option"}
                // Keeps the focus in the field, so that a click picks before the field is left.
                onMouseDown={(event) => event.preventDefault()}
                onMouseMove={() => setActive(index)}
                onClick={() => choose(option)}
              >
                {option.label}
              </li>
            ))}
        </ul>
      </div>
      <input type="hidden" name={filter} value={chosen.id} />
      <p id={statusId} className="fr-hint-text fr-mt-1v fr-mb-0" role="status">
        {status}
      </p>
    </div>
  );
}
