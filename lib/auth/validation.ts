import { z } from "zod";
import { requiredEmail } from "@/lib/text-validation";

/** Shared by the sign-in form and its server action. */
export const signInSchema = z.object({
  email: requiredEmail("Saisissez votre adresse e-mail.", "Saisissez une adresse e-mail valide, par exemple nom@domaine.fr."),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const selectOrganizationSchema = z.object({
  organizationId: z.string().min(1, "Choisissez une organisation."),
});

/** The query of the e-mailed link to /connexion/confirmer (lib/auth/sign-in-link.ts). */
export const signInConfirmationSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{16,256}$/),
  email: z.email().max(254),
  callbackUrl: z.string().max(2048).optional(),
});
