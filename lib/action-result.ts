import type { z } from "zod";

/**
 * What every server action answers (decisions, sending, sign-in, notifications, failed e-mails):
 * `ok: true` with the action's data, or a French sentence for the user, with the first message
 * of each invalid field beside it.
 */
export type FieldErrors<Field extends string = string> = Partial<Record<Field, string>>;

export type ActionFailure<Field extends string = string> = {
  ok: false;
  error: string;
  fieldErrors?: FieldErrors<Field>;
  /** The application changed since the user saw it: the page shows it afresh. */
  stale?: boolean;
  /** The id named no row this member may see. */
  notFound?: boolean;
};

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- "no data" is the common case
export type ActionResult<Data extends object = {}, Field extends string = string, Failure extends object = {}> =
  ({ ok: true } & Data) | (ActionFailure<Field> & Failure);

export const INVALID_FORM = "Le formulaire contient des erreurs\u00a0: corrigez les champs signalés.";

/** The first message per field (nested paths joined with "."), as forms show them beside the fields. */
export function zodFieldErrors<Field extends string = string>(error: z.ZodError): FieldErrors<Field> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    if (!(key in fieldErrors)) fieldErrors[key] = issue.message;
  }
  return fieldErrors as FieldErrors<Field>;
}

/** The answer to input that does not parse. */
export function invalidInput<Field extends string = string>(error: z.ZodError, message = INVALID_FORM): ActionFailure<Field> {
  return { ok: false, error: message, fieldErrors: zodFieldErrors<Field>(error) };
}
