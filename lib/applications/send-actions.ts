"use server";
import { revalidatePath } from "next/cache";
import { readYourWrites } from "@/lib/read-db";
import { requireMember } from "@/lib/auth/guards";
import { maySendApplications, PRESCRIBERS_ONLY } from "@/lib/access";
import { getBaseUrl } from "@/lib/url";
import { deliverAfterCommit } from "@/lib/mail/sender";
import { sendApplication } from "@/lib/applications/send";
import { searchEmployers, type EmployerSearchResult } from "@/lib/applications/employers";
import { searchOrganizationCandidates, type CandidateSearchResult } from "@/lib/applications/candidates";
import {
  candidateSearchSchema,
  employerSearchSchema,
  type SearchResult,
  type SendApplicationResult,
} from "@/lib/applications/send-validation";
import { ROUTES } from "@/lib/routes";

export async function sendApplicationAction(input: unknown): Promise<SendApplicationResult> {
  // requireMember() redirects a signed-out user. The lib parses the input and checks that this
  // organisation may send (lib/access.ts): it is the one place that owns the rules, whoever calls it.
  const member = await requireMember();
  try {
    const result = await sendApplication(member, input, { baseUrl: await getBaseUrl() });
    if (!result.ok) return result;
    // The employer team hears of it now rather than at the next sweep of the outbox.
    deliverAfterCommit(result.emailIds);
    revalidatePath(ROUTES.prescriberApplications);
    revalidatePath(ROUTES.dashboard);
    await readYourWrites();
    return { ok: true, applicationId: result.applicationId };
  } catch (error) {
    console.error("sendApplicationAction failed", error);
    return { ok: false, error: "La candidature n'a pas pu être envoyée à cause d'une erreur technique. Réessayez dans un instant." };
  }
}

export async function searchEmployersAction(input: unknown): Promise<SearchResult<EmployerSearchResult>> {
  const parsed = employerSearchSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Recherche invalide." };
  const member = await requireMember();
  if (!maySendApplications(member)) return { ok: false, error: PRESCRIBERS_ONLY };
  try {
    return { ok: true, results: await searchEmployers(parsed.data.query, parsed.data.type) };
  } catch (error) {
    console.error("searchEmployersAction failed", error);
    return { ok: false, error: "La recherche n'a pas abouti. Réessayez dans un instant." };
  }
}

export async function searchCandidatesAction(input: unknown): Promise<SearchResult<CandidateSearchResult>> {
  const parsed = candidateSearchSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Recherche invalide." };
  const member = await requireMember();
  if (!maySendApplications(member)) return { ok: false, error: PRESCRIBERS_ONLY };
  try {
    return { ok: true, results: await searchOrganizationCandidates(member, parsed.data.query) };
  } catch (error) {
    console.error("searchCandidatesAction failed", error);
    return { ok: false, error: "La recherche n'a pas abouti. Réessayez dans un instant." };
  }
}
