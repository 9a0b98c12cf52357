import { z } from "zod";

/** Shared by the sign-in form and its server action. */
export const signInSchema = z.object({
  // A missing field (null from FormData, undefined before registration) reads like an empty one.
  email: z
    .string({ error: "Saisissez votre adresse e-mail." })
    .trim()
    .min(1, "Saisissez votre adresse e-mail.")
    .max(254, "Cette adresse e-mail est trop longue.")
    .pipe(z.email("Saisissez une adresse e-mail valide, par exemple nom@domaine.fr.")),
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
