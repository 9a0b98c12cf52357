import { z } from "zod";

/**
 * Text that reaches another person's screen or an e-mail subject must look like what it is.
 * Rejected everywhere: C0/C1 control characters, the Unicode bidirectional controls (embeddings
 * and overrides U+202A–U+202E, isolates U+2066–U+2069, marks U+200E/U+200F/U+061C: they can make
 * "Dupont" display as something else), and the invisible U+200B, U+2060 and U+FEFF (a name that
 * looks identical but is not). ZWJ/ZWNJ (U+200C/U+200D) stay allowed: Persian, Indic scripts and
 * emoji need them. Single-line text also rejects line and paragraph separators (U+2028/U+2029),
 * and multi-line text keeps only tab, line feed and carriage return among the controls.
 */
const FORBIDDEN_SINGLE_LINE = /[\p{Cc}\p{Bidi_Control}\u200B\u2060\uFEFF\u2028\u2029]/u;
const FORBIDDEN_MULTI_LINE = /[\p{Bidi_Control}\u200B\u2060\uFEFF]|(?![\t\n\r])\p{Cc}/u;

export const SINGLE_LINE_ERROR =
  "Ce champ contient un caractère non autorisé (retour à la ligne, tabulation, caractère invisible ou de contrôle du sens du texte)\u00a0: saisissez-le à nouveau sans copier-coller.";
export const MULTI_LINE_ERROR =
  "Ce texte contient un caractère non autorisé (caractère invisible ou de contrôle du sens du texte)\u00a0: saisissez-le à nouveau sans copier-coller.";

export function isSingleLineText(value: string): boolean {
  return !FORBIDDEN_SINGLE_LINE.test(value);
}

export function isMultiLineText(value: string): boolean {
  return !FORBIDDEN_MULTI_LINE.test(value);
}

/** A trimmed one-line field (names, job titles, anything that may reach an e-mail subject). */
export function singleLineText(max: number, tooLong: string) {
  return z.string().trim().max(max, tooLong).refine(isSingleLineText, SINGLE_LINE_ERROR);
}

/** Free text that may hold line breaks (messages), still without invisible or direction controls. */
export function multiLineText(max: number, tooLong: string) {
  return z.string().trim().max(max, tooLong).refine(isMultiLineText, MULTI_LINE_ERROR);
}

const PHONE_PATTERN = /^\+?[\d\s.()-]{6,20}$/;
// Rough but enough: the same address shape the sign-in form accepts.
const emailFormat = z.email();

/** A required e-mail address; a missing field (null from FormData, undefined before registration) reads like an empty one. */
export function requiredEmail(missing: string, invalid: string) {
  return z.string({ error: missing }).trim().min(1, missing).max(254, "Cette adresse e-mail est trop longue.").pipe(z.email(invalid));
}

/** An optional e-mail address: "" when left empty (or absent, for API callers), else lower-cased. */
export function optionalEmail(invalid: string) {
  return singleLineText(254, "Cette adresse e-mail est trop longue.")
    .optional()
    .default("")
    .transform((value) => value.toLowerCase())
    .refine((value) => value === "" || emailFormat.safeParse(value).success, { error: invalid });
}

/** An optional phone number, as people write them (spaces, dots, +33…): "" when left empty. */
export function optionalPhone(invalid: string) {
  return singleLineText(30, "Ce numéro de téléphone est trop long.")
    .optional()
    .default("")
    .refine((value) => value === "" || PHONE_PATTERN.test(value), { error: invalid });
}
