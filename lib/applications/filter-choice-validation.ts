import { z } from "zod";

/**
 * The list filters whose choices are people or organisations (issue 12), named as their query
 * parameters: the employer's "Organisation du prescripteur" and "Prise en charge par", the
 * prescriber's "Envoyée par" and "Employeur". Client-safe: the search field and the action share it.
 */
export const FILTER_CHOICE_NAMES = ["prescriberOrganization", "handler", "sender", "employer"] as const;
export type FilterChoiceName = (typeof FILTER_CHOICE_NAMES)[number];

/** Up to this many choices a filter stays a native select; beyond, a search field (the page would weigh too much). */
export const FILTER_SELECT_MAX_CHOICES = 30;
/** The search field asks the server from this many characters. */
export const FILTER_SEARCH_MIN_LENGTH = 2;
/** The most choices one search answers. */
export const FILTER_SEARCH_LIMIT = 20;

/** One choice of a filter: the id the URL carries and what the user reads. */
export interface FilterChoice {
  id: string;
  label: string;
}

/** What a list page passes to one filter: every choice, or (too many) only the current one. */
export type FilterChoices = { mode: "select"; options: FilterChoice[] } | { mode: "search"; selected: FilterChoice | null };

export const filterChoiceSearchSchema = z.object({
  filter: z.enum(FILTER_CHOICE_NAMES, { error: "Ce filtre n'existe pas." }),
  query: z
    .string({ error: "Saisissez le début d'un nom." })
    .trim()
    .min(FILTER_SEARCH_MIN_LENGTH, `Saisissez au moins ${FILTER_SEARCH_MIN_LENGTH} caractères.`)
    .max(100, "La recherche ne doit pas dépasser 100 caractères."),
});
export type FilterChoiceSearchInput = z.input<typeof filterChoiceSearchSchema>;
