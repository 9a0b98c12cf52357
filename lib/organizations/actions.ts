"use server";
import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { requireMember, type MemberContext } from "@/lib/auth/guards";
import { invalidInput, type ActionResult } from "@/lib/action-result";
import { saveOrganizationContact } from "@/lib/organizations/contact";
import { organizationContactSchema, type OrganizationContactField } from "@/lib/organizations/validation";
import { ROUTES } from "@/lib/routes";
import { getBaseUrl } from "@/lib/url";
import { deliverAfterCommit } from "@/lib/mail/sender";
import { personName } from "@/lib/people";
import { addMember, changeMemberRole, MEMBER_ADDITIONS_PER_DAY, removeMember, type MemberChangeResult } from "@/lib/organizations/members";
import { addMemberSchema, changeMemberRoleSchema, removeMemberSchema, type AddMemberField } from "@/lib/organizations/member-validation";

const UNEXPECTED = "Une erreur inattendue est survenue, rien n'a été enregistré. Réessayez dans un instant.";
const ADMINS_ONLY = "Seuls les administrateurs de l'organisation peuvent gérer ses membres.";

export async function saveOrganizationContactAction(input: unknown): Promise<ActionResult<{ savedAt: number }, OrganizationContactField>> {
  const parsed = organizationContactSchema.safeParse(input);
  if (!parsed.success) return invalidInput<OrganizationContactField>(parsed.error);
  const member = await requireMember();
  let outcome;
  try {
    outcome = await saveOrganizationContact(member, parsed.data);
  } catch (error) {
    console.error("saveOrganizationContactAction failed", error);
    return { ok: false, error: UNEXPECTED };
  }
  if (outcome === "forbidden") return { ok: false, error: "Seuls les administrateurs de l'organisation peuvent modifier ses coordonnées." };
  revalidatePath(ROUTES.organisation);
  return { ok: true, savedAt: Date.now() };
}

/** « Ajouter un membre »: the person gets access at once, and an e-mail saying where to sign in. */
export async function addMemberAction(input: unknown): Promise<ActionResult<{ name: string; reactivated: boolean }, AddMemberField>> {
  const parsed = addMemberSchema.safeParse(input);
  if (!parsed.success) return invalidInput<AddMemberField>(parsed.error);
  const member = await requireMember();
  let result;
  try {
    result = await addMember(member, parsed.data, { baseUrl: await getBaseUrl() });
  } catch (error) {
    console.error("addMemberAction failed", error);
    return { ok: false, error: UNEXPECTED };
  }
  if ("ok" in result) {
    deliverAfterCommit(result.emailIds);
    revalidatePath(ROUTES.members);
    return { ok: true, name: personName(result.member), reactivated: result.reactivated };
  }
  switch (result.error) {
    case "forbidden":
      return { ok: false, error: ADMINS_ONLY };
    case "already_member":
      return {
        ok: false,
        error: "Cette personne est déjà membre de l'organisation.",
        fieldErrors: { email: "Cette adresse est déjà celle d'un membre de l'organisation." },
      };
    case "limit":
      return {
        ok: false,
        error: `Votre organisation a déjà ajouté ${MEMBER_ADDITIONS_PER_DAY} personnes en 24 heures\u00a0: réessayez demain, ou écrivez-nous si vous devez en ajouter davantage.`,
      };
  }
}

async function changeMember(
  run: (member: MemberContext) => Promise<MemberChangeResult>,
  done: (name: string) => string,
): Promise<ActionResult<{ message: string }>> {
  const member = await requireMember();
  let result;
  try {
    result = await run(member);
  } catch (error) {
    console.error("Member change failed", error);
    return { ok: false, error: UNEXPECTED };
  }
  if ("ok" in result) {
    revalidatePath(ROUTES.members);
    return { ok: true, message: done(personName(result.member)) };
  }
  switch (result.error) {
    case "forbidden":
      return { ok: false, error: ADMINS_ONLY };
    case "not_found":
      notFound();
    case "self":
      return { ok: false, error: "Vous ne pouvez pas modifier votre propre accès\u00a0: demandez-le à un autre administrateur." };
    case "unchanged":
      // A double click, or another admin made the same change first: the page shows it afresh.
      revalidatePath(ROUTES.members);
      return { ok: false, error: "Ce changement était déjà fait.", stale: true };
    case "removed":
      revalidatePath(ROUTES.members);
      return { ok: false, error: "Cette personne n'a déjà plus accès à l'organisation.", stale: true };
  }
}

/** « Retirer de l'organisation »: access ends at the person's next request; their history stays. */
export async function removeMemberAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  const parsed = removeMemberSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, "Membre introuvable.");
  return changeMember(
    (member) => removeMember(member, parsed.data),
    (name) => `${name} n'a plus accès à l'organisation.`,
  );
}

export async function changeMemberRoleAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  const parsed = changeMemberRoleSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, "Ce changement de rôle n'est pas valide.");
  return changeMember(
    (member) => changeMemberRole(member, parsed.data),
    (name) => (parsed.data.role === "ADMIN" ? `${name} est maintenant administrateur.` : `${name} n'est plus administrateur.`),
  );
}
