// The organisation's contact details form: one schema for the form and its server action.
import { z } from "zod";
import { optionalEmail, optionalPhone } from "@/lib/text-validation";

export const organizationContactSchema = z.object({
  contactEmail: optionalEmail("Saisissez une adresse e-mail valide, par exemple recrutement@structure.fr, ou laissez le champ vide."),
  contactPhone: optionalPhone("Saisissez un numéro de téléphone valide, par exemple 03 20 00 00 00, ou laissez le champ vide."),
});

export type OrganizationContactFormValues = z.input<typeof organizationContactSchema>;
export type OrganizationContactInput = z.output<typeof organizationContactSchema>;
export type OrganizationContactField = keyof OrganizationContactFormValues;
