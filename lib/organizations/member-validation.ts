// « Membres de l'organisation »: one schema per form, shared by the form and its server action.
import { z } from "zod";
import { isSingleLineText, requiredEmail, SINGLE_LINE_ERROR } from "@/lib/text-validation";

export const MEMBER_ROLES = ["MEMBER", "ADMIN"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const MEMBER_ROLE_LABELS: Record<MemberRole, string> = { MEMBER: "Membre", ADMIN: "Administrateur" };

const requiredName = (missing: string, tooLong: string) =>
  z.string({ error: missing }).trim().min(1, missing).max(100, tooLong).refine(isSingleLineText, SINGLE_LINE_ERROR);

const membershipId = z.string({ error: "Membre introuvable." }).trim().min(1, "Membre introuvable.").max(64, "Membre introuvable.");

export const addMemberSchema = z.object({
  email: requiredEmail(
    "Saisissez l'adresse e-mail de la personne.",
    "Saisissez une adresse e-mail valide, par exemple prenom.nom@structure.fr.",
  )
    // Sign-in looks addresses up in lower case (lib/auth/sign-in-email.ts).
    .transform((value) => value.toLowerCase()),
  firstName: requiredName("Saisissez le prénom de la personne.", "Le prénom ne doit pas dépasser 100 caractères."),
  lastName: requiredName("Saisissez le nom de la personne.", "Le nom ne doit pas dépasser 100 caractères."),
  role: z.enum(MEMBER_ROLES, { error: "Choisissez le rôle de la personne." }),
});

export type AddMemberFormValues = z.input<typeof addMemberSchema>;
export type AddMemberInput = z.output<typeof addMemberSchema>;
export type AddMemberField = keyof AddMemberFormValues;

export const removeMemberSchema = z.object({ membershipId });
export type RemoveMemberInput = z.output<typeof removeMemberSchema>;

export const changeMemberRoleSchema = z.object({
  membershipId,
  role: z.enum(MEMBER_ROLES, { error: "Choisissez un rôle." }),
});
export type ChangeMemberRoleInput = z.output<typeof changeMemberRoleSchema>;
