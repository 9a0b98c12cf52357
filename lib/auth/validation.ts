import { z } from "zod";

/** Shared by the sign-in form and its server action. */
export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Saisissez votre adresse e-mail.")
    .max(254, "Cette adresse e-mail est trop longue.")
    .pipe(z.email("Saisissez une adresse e-mail valide, par exemple nom@domaine.fr.")),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const selectOrganizationSchema = z.object({
  organizationId: z.string().min(1, "Choisissez une organisation."),
});
