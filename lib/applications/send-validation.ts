import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { parseCalendarDate } from "@/lib/calendar-date";
import { EMPLOYER_TYPES } from "@/lib/status";
import { isMultiLineText, MULTI_LINE_ERROR, optionalEmail, optionalPhone, singleLineText } from "@/lib/text-validation";

/**
 * "Envoyer une candidature": one schema shared by the form (zodResolver), the server action and
 * lib/applications/send.ts. Every field is a string as the form holds it; the output is what the
 * lib needs (a candidate to attach or create, empty optional fields as null).
 */

export const MESSAGE_MIN_LENGTH = 10;
export const MESSAGE_MAX_LENGTH = 3000;
export const JOB_TITLE_MAX_LENGTH = 200;
/** The most jobs one application names (an employer rarely has more open at once). */
export const MAX_JOBS_PER_APPLICATION = 10;
export const PICK_JOBS_ERROR = "Choisissez un ou plusieurs postes ouverts, ou «\u00a0Candidature spontanée\u00a0».";

/**
 * The "nothing picked" error, as the job picker shows it for this employer: the shared schema does
 * not know the employer, and must not offer « Candidature spontanée » where it is closed.
 */
export function pickJobsMessage(message: string | undefined, spontaneousOpen: boolean): string | undefined {
  return message === PICK_JOBS_ERROR && !spontaneousOpen ? "Choisissez un ou plusieurs postes ouverts." : message;
}

// Optional form fields arrive as "" (empty input) or are absent (API callers). Every one of them
// is a single line: names and the job title reach e-mail subjects.
const optionalText = (max: number, tooLong: string) => singleLineText(max, tooLong).optional().default("");

function isPastBirthDate(value: string): boolean {
  const date = parseCalendarDate(value);
  return date !== null && date >= new Date("1900-01-01T00:00:00Z") && date <= new Date();
}

export const sendApplicationSchema = z
  .object({
    candidateMode: z.enum(["new", "existing"], { error: "Indiquez s'il s'agit d'un nouveau candidat." }),
    candidateId: optionalText(100, "Candidat introuvable."),
    firstName: optionalText(100, "Le prénom ne doit pas dépasser 100 caractères."),
    lastName: optionalText(100, "Le nom ne doit pas dépasser 100 caractères."),
    email: optionalEmail("Saisissez une adresse e-mail valide, par exemple nom@domaine.fr, ou laissez le champ vide."),
    phone: optionalPhone("Saisissez un numéro de téléphone valide, par exemple 06 12 34 56 78, ou laissez le champ vide."),
    birthDate: optionalText(10, "Saisissez une date au format JJ/MM/AAAA.").refine((value) => value === "" || isPastBirthDate(value), {
      error: "Saisissez une date de naissance valide, passée et postérieure à 1900.",
    }),
    employerOrganizationId: z
      .string({ error: "Choisissez un employeur dans les résultats de la recherche." })
      .trim()
      .min(1, "Choisissez un employeur dans les résultats de la recherche.")
      .max(100, "Employeur introuvable."),
    // Checkboxes: react-hook-form gives an array, a lone checkbox's value, or false when unticked.
    jobIds: z.preprocess(
      (value) => (value === false || value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]),
      z
        .array(z.string().trim().min(1).max(64), { error: PICK_JOBS_ERROR })
        .max(MAX_JOBS_PER_APPLICATION, `Choisissez au plus ${MAX_JOBS_PER_APPLICATION} postes.`)
        .transform((ids) => [...new Set(ids)]),
    ),
    spontaneous: z.preprocess((value) => value === true || value === "true" || value === "on", z.boolean()),
    // "Envoyer à un autre employeur": the declined application this one starts from.
    resentFromId: optionalText(64, "Candidature d'origine introuvable."),
    jobTitle: optionalText(JOB_TITLE_MAX_LENGTH, `Le métier ou poste visé ne doit pas dépasser ${JOB_TITLE_MAX_LENGTH} caractères.`),
    message: z
      .string({ error: "Écrivez un message à l'employeur." })
      .trim()
      .min(1, "Écrivez un message à l'employeur.")
      .min(MESSAGE_MIN_LENGTH, `Le message doit faire au moins ${MESSAGE_MIN_LENGTH} caractères.`)
      .max(MESSAGE_MAX_LENGTH, `Le message ne doit pas dépasser ${MESSAGE_MAX_LENGTH.toLocaleString("fr-FR")} caractères.`)
      .refine(isMultiLineText, MULTI_LINE_ERROR),
  })
  // The required fields depend on the mode. Zod 4 runs this check even when a field already
  // failed, so the form shows every error at once.
  .check((ctx) => {
    const data = ctx.value;
    // What the candidate applies for: named jobs, or none and spontaneous (issue 13).
    if (Array.isArray(data.jobIds) && data.jobIds.length === 0 && data.spontaneous !== true) {
      ctx.issues.push({ code: "custom", input: data.jobIds, path: ["jobIds"], message: PICK_JOBS_ERROR });
    }
    if (Array.isArray(data.jobIds) && data.jobIds.length > 0 && data.spontaneous === true) {
      ctx.issues.push({
        code: "custom",
        input: data.jobIds,
        path: ["jobIds"],
        message: "Choisissez un ou plusieurs postes, ou «\u00a0Candidature spontanée\u00a0», mais pas les deux.",
      });
    }
    if (data.candidateMode === "existing") {
      if (!data.candidateId) {
        ctx.issues.push({
          code: "custom",
          input: data.candidateId,
          path: ["candidateId"],
          message: "Choisissez un candidat dans les résultats de la recherche.",
        });
      }
      return;
    }
    if (!data.firstName)
      ctx.issues.push({ code: "custom", input: data.firstName, path: ["firstName"], message: "Saisissez le prénom du candidat." });
    if (!data.lastName)
      ctx.issues.push({ code: "custom", input: data.lastName, path: ["lastName"], message: "Saisissez le nom du candidat." });
  })
  .transform((data) => ({
    candidate:
      data.candidateMode === "existing"
        ? ({ kind: "existing", id: data.candidateId } as const)
        : ({
            kind: "new",
            firstName: data.firstName,
            lastName: data.lastName,
            email: data.email || null,
            phone: data.phone || null,
            birthDate: data.birthDate ? parseCalendarDate(data.birthDate) : null,
          } as const),
    employerOrganizationId: data.employerOrganizationId,
    jobIds: data.jobIds,
    spontaneous: data.spontaneous,
    resentFromId: data.resentFromId || null,
    jobTitle: data.jobTitle || null,
    message: data.message,
  }));

export type SendApplicationFormValues = z.input<typeof sendApplicationSchema>;
export type SendApplicationInput = z.output<typeof sendApplicationSchema>;
export type SendApplicationField = keyof SendApplicationFormValues;

export type SendApplicationResult = ActionResult<{ applicationId: string }, SendApplicationField>;

// ——— Searches of the form ———

export const employerSearchSchema = z.object({
  query: z.string().trim().max(100).catch(""),
  type: z.enum(EMPLOYER_TYPES).optional().catch(undefined),
});
export type EmployerSearchInput = z.input<typeof employerSearchSchema>;

export const candidateSearchSchema = z.object({
  query: z.string().trim().max(100).catch(""),
});

export type SearchResult<T> = ActionResult<{ results: T[] }>;
