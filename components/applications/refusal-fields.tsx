"use client";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { MESSAGE_MAX_LENGTH } from "@/lib/applications/decision-validation";
import {
  DEFAULT_REFUSAL_MESSAGES,
  REFUSAL_REASONS,
  REFUSAL_REASON_LABELS,
  isRefusalReason,
  type EmployerRefusalReason,
} from "@/lib/status";
import { fieldState } from "@/components/applications/decision-form-kit";

const DEFAULT_MESSAGES = new Set(Object.values(DEFAULT_REFUSAL_MESSAGES));

type RefusalValues = { refusalReason: EmployerRefusalReason; answerToCandidate: string; answerToPrescriber?: string };

/**
 * The three fields of a refusal, for one application ("Décliner") or a batch: the reason (for the
 * prescriber only), the answer to the candidate, prefilled from the reason until the employer
 * writes their own, and the optional private message to the prescriber.
 */
export function RefusalFields<Values extends FieldValues & RefusalValues>({
  form: anyForm,
  several,
}: {
  form: UseFormReturn<Values, unknown, unknown>;
  several: boolean;
}) {
  // Both forms hold these three fields among others; react-hook-form's paths are typed per form.
  const form = anyForm as unknown as UseFormReturn<RefusalValues, unknown, unknown>;
  const { errors } = form.formState;
  const reason = form.register("refusalReason", {
    onChange: (event: { target: { value: string } }) => {
      const value = event.target.value;
      const current = form.getValues("answerToCandidate");
      if (isRefusalReason(value) && (!current.trim() || DEFAULT_MESSAGES.has(current))) {
        form.setValue("answerToCandidate", DEFAULT_REFUSAL_MESSAGES[value], { shouldValidate: Boolean(errors.answerToCandidate) });
      }
    },
  });
  return (
    <>
      <Select label="Motif du refus" nativeSelectProps={{ ...reason, required: true }} {...fieldState(errors.refusalReason?.message)}>
        <option value="" disabled>
          Sélectionnez un motif
        </option>
        {REFUSAL_REASONS.map((code) => (
          <option key={code} value={code}>
            {REFUSAL_REASON_LABELS[code]}
          </option>
        ))}
      </Select>
      <Input
        label={several ? "Réponse aux candidats" : "Réponse au candidat"}
        textArea
        nativeTextAreaProps={{ ...form.register("answerToCandidate"), rows: 5, maxLength: MESSAGE_MAX_LENGTH }}
        {...fieldState(errors.answerToCandidate?.message)}
      />
      <Input
        label={several ? "Message privé aux prescripteurs (facultatif)" : "Message privé au prescripteur (facultatif)"}
        textArea
        nativeTextAreaProps={{ ...form.register("answerToPrescriber"), rows: 3, maxLength: MESSAGE_MAX_LENGTH }}
        {...fieldState(errors.answerToPrescriber?.message)}
      />
    </>
  );
}
