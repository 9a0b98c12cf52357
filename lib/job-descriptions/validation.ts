// "Fiches de poste" forms: one zod schema per form, read by react-hook-form (client) and by the
// server action, so both refuse the same input with the same French words.
import { z } from "zod";
import { isMultiLineText, MULTI_LINE_ERROR, singleLineText } from "@/lib/text-validation";
import { CONTRACT_TYPES } from "@/lib/job-descriptions/vocabulary";

export const JOB_TITLE_MAX_LENGTH = 120;
export const JOB_DESCRIPTION_MAX_LENGTH = 3000;
export const MAX_WEEKLY_HOURS = 48;
export const MAX_POSITIONS = 99;

const requiredLine = (max: number, missing: string, tooLong: string) => singleLineText(max, tooLong).pipe(z.string().min(1, missing));
// Form inputs hold strings; API callers may send numbers.
const wholeNumber = (min: number, max: number, message: string) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() !== "" ? Number(value) : value),
    z.number({ error: message }).int(message).min(min, message).max(max, message),
  );

export const jobDescriptionSchema = z.object({
  title: requiredLine(
    JOB_TITLE_MAX_LENGTH,
    "Saisissez l'intitulé du poste.",
    `L'intitulé ne doit pas dépasser ${JOB_TITLE_MAX_LENGTH} caractères.`,
  ),
  contractType: z.enum(CONTRACT_TYPES, { error: "Choisissez le type de contrat." }),
  city: requiredLine(100, "Saisissez la ville du poste.", "La ville ne doit pas dépasser 100 caractères."),
  department: z
    .string({ error: "Saisissez le numéro du département, par exemple 59." })
    .trim()
    .toUpperCase()
    // No "20": Corsica's departments are 2A and 2B.
    .regex(/^(0[1-9]|1\d|2[1-9]|[3-8]\d|9[0-5]|2A|2B|97[1-6])$/, "Saisissez le numéro du département, par exemple 59, 2A ou 974."),
  // Whole hours (the column is an integer): « 17,5 » is told so, not that it is out of range.
  weeklyHours: wholeNumber(1, MAX_WEEKLY_HOURS, `Saisissez un nombre entier d'heures par semaine, entre 1 et ${MAX_WEEKLY_HOURS}.`),
  positions: wholeNumber(1, MAX_POSITIONS, `Saisissez un nombre entier de postes, entre 1 et ${MAX_POSITIONS}.`),
  description: z
    .string()
    .trim()
    .max(
      JOB_DESCRIPTION_MAX_LENGTH,
      `La description ne doit pas dépasser ${JOB_DESCRIPTION_MAX_LENGTH.toLocaleString("fr-FR")} caractères.`,
    )
    .refine(isMultiLineText, MULTI_LINE_ERROR)
    .optional()
    .default(""),
});
export type JobDescriptionFormValues = z.input<typeof jobDescriptionSchema>;
export type JobDescriptionInput = z.output<typeof jobDescriptionSchema>;
export type JobDescriptionField = keyof JobDescriptionFormValues;

const jobId = z.string().trim().min(1).max(64);

export const updateJobSchema = jobDescriptionSchema.extend({ jobId });
export type UpdateJobInput = z.output<typeof updateJobSchema>;

/** "Recrutement ouvert / fermé" of one job. */
export const setJobOpenSchema = z.object({ jobId, open: z.boolean() });
export type SetJobOpenInput = z.output<typeof setJobOpenSchema>;

/** "Candidatures spontanées : ouvertes / fermées" of the whole structure. */
export const setSpontaneousOpenSchema = z.object({ open: z.boolean() });
export type SetSpontaneousOpenInput = z.output<typeof setSpontaneousOpenSchema>;
