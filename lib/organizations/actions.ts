"use server";
import { revalidatePath } from "next/cache";
import { requireMember } from "@/lib/auth/guards";
import { invalidInput, type ActionResult } from "@/lib/action-result";
import { saveOrganizationContact } from "@/lib/organizations/contact";
import { organizationContactSchema, type OrganizationContactField } from "@/lib/organizations/validation";
import { ROUTES } from "@/lib/routes";

export async function saveOrganizationContactAction(input: unknown): Promise<ActionResult<{ savedAt: number }, OrganizationContactField>> {
  const parsed = organizationContactSchema.safeParse(input);
  if (!parsed.success) return invalidInput<OrganizationContactField>(parsed.error);
  const member = await requireMember();
  let outcome;
  try {
    outcome = await saveOrganizationContact(member, parsed.data);
  } catch (error) {
    console.error("saveOrganizationContactAction failed", error);
    return { ok: false, error: "Une erreur inattendue est survenue, rien n'a été enregistré. Réessayez dans un instant." };
  }
  if (outcome === "forbidden") return { ok: false, error: "Seuls les administrateurs de l'organisation peuvent modifier ses coordonnées." };
  revalidatePath(ROUTES.organisation);
  return { ok: true, savedAt: Date.now() };
}
