"use server";
import { requireMember } from "@/lib/auth/guards";
import { mayFilterListBy } from "@/lib/access";
import { searchFilterChoices } from "@/lib/applications/filter-choices";
import { filterChoiceSearchSchema, type FilterChoice } from "@/lib/applications/filter-choice-validation";
import type { SearchResult } from "@/lib/applications/send-validation";

/** The search field of a list filter with too many choices for a select (issue 12): the organisation's own choices only. */
export async function searchFilterChoicesAction(input: unknown): Promise<SearchResult<FilterChoice>> {
  const member = await requireMember();
  const parsed = filterChoiceSearchSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Recherche invalide." };
  const { filter, query } = parsed.data;
  if (!mayFilterListBy(member, filter)) return { ok: false, error: "Ce filtre n'est pas proposé à votre organisation." };
  try {
    return { ok: true, results: await searchFilterChoices(member, filter, query) };
  } catch (error) {
    console.error("searchFilterChoicesAction failed", error);
    return { ok: false, error: "La recherche n'a pas abouti. Réessayez dans un instant." };
  }
}
