"use client";
// What the employer's decision forms share: submitting to a server action and mapping its
// answer (field errors beside the fields, a stale status up to the panel), and the form footer.
import { useEffect } from "react";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
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
}

export interface HireableJob {
  id: string;
  label: string;
  isOpen: boolean;
  /** Among the jobs the application was sent for: offered first, the first one preselected. */
  appliedFor: boolean;
}

export const UNEXPECTED_ERROR = "Une erreur inattendue est survenue, rien n'a été enregistré. Réessayez dans un instant.";

export function useDecisionSubmit<Values extends FieldValues, Output>(
  form: UseFormReturn<Values, unknown, Output>,
  action: (input: Output) => Promise<ActionResult>,
  onOutcome: (outcome: DecisionOutcome) => void,
) {
  return form.handleSubmit(async (values) => {
    let result: ActionResult;
    try {
      result = await action(values);
    } catch {
      form.setError("root.server", { message: UNEXPECTED_ERROR });
      return;
    }
    if (result.ok) return onOutcome({ kind: "ok" });
    if (result.stale) return onOutcome({ kind: "stale", message: result.error });
    for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
      if (message) form.setError(field as Path<Values>, { message });
    }
    form.setError("root.server", { message: result.error });
  });
}

/** Puts the keyboard in the form as soon as it opens. */
export function useFocusOnOpen<Values extends FieldValues>(form: UseFormReturn<Values, unknown, unknown>, field: Path<Values>) {
  const { setFocus } = form;
  useEffect(() => setFocus(field), [setFocus, field]);
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
