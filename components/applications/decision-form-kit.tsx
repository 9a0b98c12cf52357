"use client";
// What the employer's decision forms share: submitting to a server action and mapping its
// answer (field errors beside the fields, a stale status up to the panel), and the form footer.
import { useEffect, useRef, useState, type RefObject } from "react";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { FieldValues, Path, UseFormReturn, UseFormSetError } from "react-hook-form";
import type { ActionResult } from "@/lib/action-result";
import type { ApplicationStatus } from "@/lib/status";

export type DecisionOutcome = { kind: "ok" } | { kind: "stale"; message: string };

export interface DecisionFormProps {
  applicationId: string;
  status: ApplicationStatus;
  /** The decision was recorded, or the application moved on meanwhile: the panel takes over. */
  onOutcome: (outcome: DecisionOutcome) => void;
  onClose: () => void;
  /** "Poste retenu" choices (issue 13): the employer's jobs, open or closed. */
  jobs?: HireableJob[];
  /** Without an address, the candidate is told nothing by us: the prescriber passes the decision on (DESIGN §5). */
  candidateHasEmail: boolean;
}

export interface HireableJob {
  id: string;
  label: string;
  isOpen: boolean;
  /** Among the jobs the application was sent for: offered first, the first one preselected. */
  appliedFor: boolean;
}

/** Who hears of a decision by e-mail, as the employer's forms say it. */
export function informedByEmail(candidateHasEmail: boolean): string {
  return candidateHasEmail
    ? "le candidat et le prescripteur en seront informés par e-mail"
    : "le prescripteur en sera informé par e-mail et préviendra le candidat, qui n'a pas donné d'adresse e-mail";
}

export const UNEXPECTED_ERROR = "Une erreur inattendue est survenue, rien n'a été enregistré. Réessayez dans un instant.";

/**
 * Submits a form to a server action: an exception becomes the "nothing was recorded" error, field
 * errors go beside their fields (with the action's sentence above the buttons), and every other
 * answer goes to `onAnswer`.
 */
export function useActionSubmit<Values extends FieldValues, Output, Data extends object>(
  form: UseFormReturn<Values, unknown, Output>,
  action: (input: Output) => Promise<ActionResult<Data>>,
  onAnswer: (result: ActionResult<Data>) => void,
) {
  return form.handleSubmit(async (values) => {
    let result: ActionResult<Data>;
    try {
      result = await action(values);
    } catch {
      form.setError("root.server", { message: UNEXPECTED_ERROR });
      return;
    }
    const fieldErrors = Object.entries(result.ok || result.stale ? {} : (result.fieldErrors ?? {}));
    if (!result.ok && fieldErrors.length > 0) {
      setServerFieldErrors(form.setError, Object.fromEntries(fieldErrors));
      form.setError("root.server", { message: result.error });
      return;
    }
    onAnswer(result);
  });
}

/** One application's decision: recorded or stale goes up to the panel; a refusal stays in the form. */
export function useDecisionSubmit<Values extends FieldValues, Output>(
  form: UseFormReturn<Values, unknown, Output>,
  action: (input: Output) => Promise<ActionResult>,
  onOutcome: (outcome: DecisionOutcome) => void,
) {
  return useActionSubmit(form, action, (result) => {
    if (result.ok) onOutcome({ kind: "ok" });
    else if (result.stale) onOutcome({ kind: "stale", message: result.error });
    else form.setError("root.server", { message: result.error });
  });
}

export type Notice = { severity: "success" | "warning" | "error"; message: string };

/** The result of an action shown above a panel; the keyboard goes to it, so a screen reader reads it at once. */
export function useFocusedNotice() {
  const [notice, setNotice] = useState<Notice | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  return { notice, setNotice, noticeRef };
}

export function FocusedNotice({
  notice,
  noticeRef,
  className,
}: {
  notice: Notice | null;
  noticeRef: RefObject<HTMLDivElement | null>;
  className: string;
}) {
  if (!notice) return null;
  return (
    <div ref={noticeRef} tabIndex={-1} className={className}>
      <Alert severity={notice.severity} small description={notice.message} role={notice.severity === "success" ? "status" : "alert"} />
    </div>
  );
}

/** Puts the keyboard in the form as soon as it opens. */
export function useFocusOnOpen<Values extends FieldValues>(form: UseFormReturn<Values, unknown, unknown>, field: Path<Values>) {
  const { setFocus } = form;
  useEffect(() => setFocus(field), [setFocus, field]);
}

/** An action's field errors (ActionResult), each beside its field. */
export function setServerFieldErrors<Values extends FieldValues>(
  setError: UseFormSetError<Values>,
  fieldErrors: Partial<Record<string, string>> | undefined,
) {
  for (const [field, message] of Object.entries(fieldErrors ?? {}))
    if (message) setError(field as Path<Values>, { type: "server", message });
}

export function fieldState(message: string | undefined) {
  return message ? { state: "error" as const, stateRelatedMessage: message } : {};
}

export function FormFooter({
  submitLabel,
  submitting,
  serverError,
  onClose,
  closeLabel = "Fermer",
}: {
  submitLabel: string;
  submitting: boolean;
  serverError?: string;
  onClose: () => void;
  closeLabel?: string;
}) {
  return (
    <>
      {serverError && <Alert className="fr-mb-2w" severity="error" small description={serverError} role="alert" />}
      <ul className="fr-btns-group fr-btns-group--inline-md fr-mb-0">
        <li>
          <button type="submit" className="fr-btn" disabled={submitting} aria-disabled={submitting}>
            {submitLabel}
          </button>
        </li>
        <li>
          <button type="button" className="fr-btn fr-btn--tertiary" onClick={onClose}>
            {closeLabel}
          </button>
        </li>
      </ul>
    </>
  );
}
