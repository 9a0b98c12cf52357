// The employer's decision forms: one zod schema per action, read by the react-hook-form form
// (client) and by its server action (server), so both refuse the same input with the same words.
import { z } from "zod";
import { APPLICATION_STATUSES, REFUSAL_REASONS } from "@/lib/status";
import { parseCalendarDate } from "@/lib/calendar-date";
import { isMultiLineText, MULTI_LINE_ERROR, multiLineText } from "@/lib/text-validation";
import { DAY_MS } from "@/lib/time";

export const MESSAGE_MAX_LENGTH = 3000;
const HIRING_START_MAX_DAYS_AGO = 30;

const tooLong = `Ce message est trop long (${MESSAGE_MAX_LENGTH} caractères au maximum).`;
// Messages may span lines, but never carry invisible or text-direction controls (issue 8).
const requiredMessage = (error: string) =>
  z.string({ error }).trim().min(1, { error, abort: true }).max(MESSAGE_MAX_LENGTH, tooLong).refine(isMultiLineText, MULTI_LINE_ERROR);
const optionalMessage = multiLineText(MESSAGE_MAX_LENGTH, tooLong).optional().default("");

// Every action carries the status the user saw: the write requires it (optimistic concurrency).
const applicationRef = {
  applicationId: z.string().trim().min(1).max(64),
  status: z.enum(APPLICATION_STATUSES),
};

/** Today's date ("YYYY-MM-DD") in France, where the employers are. */
export function todayInFrance(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** The earliest hiring start date accepted today: a hire may be recorded up to 30 days late. */
export function earliestHiringStartDate(now = new Date()): string {
  return new Date(Date.parse(`${todayInFrance(now)}T00:00:00Z`) - HIRING_START_MAX_DAYS_AGO * DAY_MS).toISOString().slice(0, 10);
}

const INVALID_DATE = "Saisissez une date valide, au format JJ/MM/AAAA.";
const isRealDate = (value: string) => parseCalendarDate(value) !== null;
// Native date inputs give "YYYY-MM-DD" (or "" when empty).
const dateString = (requiredError: string) =>
  z
    .string({ error: requiredError })
    .trim()
    // abort: one message per field, the first that applies.
    .min(1, { error: requiredError, abort: true })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: INVALID_DATE, abort: true })
    .refine(isRealDate, { error: INVALID_DATE, abort: true });

export const processSchema = z.object(applicationRef);
export type ProcessInput = z.output<typeof processSchema>;

export const takeOverSchema = z.object(applicationRef);
export type TakeOverInput = z.output<typeof takeOverSchema>;

export const postponeSchema = z.object({
  ...applicationRef,
  answerToCandidate: requiredMessage("Saisissez le message au candidat."),
});
export type PostponeInput = z.output<typeof postponeSchema>;

export const acceptSchema = z
  .object({
    ...applicationRef,
    hiringStartDate: dateString("Saisissez la date de début du contrat.").refine(
      // Checked at parse time, so a form left open overnight is judged on the day it is sent.
      (value) => value >= earliestHiringStartDate(),
      `La date de début du contrat ne peut pas être passée de plus de ${HIRING_START_MAX_DAYS_AGO} jours.`,
    ),
    hiringEndDate: z
      .string()
      .trim()
      .refine((value) => value === "" || (/^\d{4}-\d{2}-\d{2}$/.test(value) && isRealDate(value)), INVALID_DATE)
      .optional()
      .default(""),
    answerToCandidate: optionalMessage,
    // "Poste retenu" (issue 13): one of the employer's jobs, or "" for none.
    hiredJobId: z.string().trim().max(64).optional().default(""),
  })
  .refine((value) => !value.hiringEndDate || value.hiringEndDate > value.hiringStartDate, {
    message: "La date de fin du contrat doit être postérieure à la date de début.",
    path: ["hiringEndDate"],
  });
export type AcceptInput = z.output<typeof acceptSchema>;

export const refuseSchema = z.object({
  ...applicationRef,
  refusalReason: z.enum(REFUSAL_REASONS, { error: "Choisissez le motif du refus." }),
  answerToCandidate: requiredMessage("Saisissez la réponse au candidat."),
  answerToPrescriber: optionalMessage,
});
export type RefuseInput = z.output<typeof refuseSchema>;

/** "Archiver" / "Désarchiver" one application: the status the member saw guards it too. */
export const archiveSchema = z.object(applicationRef);
export type ArchiveInput = z.output<typeof archiveSchema>;

export const cancelSchema = z.object({
  ...applicationRef,
  cancellationReason: optionalMessage,
});
export type CancelInput = z.output<typeof cancelSchema>;
