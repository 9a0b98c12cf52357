"use client";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { refuseAction } from "@/lib/applications/decision-actions";
import { MESSAGE_MAX_LENGTH, refuseSchema } from "@/lib/applications/decision-validation";
import { DEFAULT_REFUSAL_MESSAGES, REFUSAL_REASONS, REFUSAL_REASON_LABELS, isRefusalReason } from "@/lib/status";
import {
  FormFooter,
  fieldState,
  useDecisionSubmit,
  useFocusOnOpen,
  type DecisionFormProps,
} from "@/components/applications/decision-form-kit";

const DEFAULT_MESSAGES = new Set(Object.values(DEFAULT_REFUSAL_MESSAGES));

/** "Décliner": a reason for the prescriber only, an answer for the candidate, an optional private note. */
export function RefuseForm({ applicationId, status, onOutcome, onClose }: DecisionFormProps) {
  const form = useForm({
    resolver: zodResolver(refuseSchema),
    // "" until a reason is picked: the select starts on its placeholder.
    defaultValues: { applicationId, status, refusalReason: "" as never, answerToCandidate: "", answerToPrescriber: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = useDecisionSubmit(form, refuseAction, onOutcome);
  useFocusOnOpen(form, "refusalReason");

  const reason = form.register("refusalReason", {
    // Prefill the answer for the reason, unless the employer already wrote their own.
    onChange: (event: { target: { value: string } }) => {
      const value = event.target.value;
      const current = form.getValues("answerToCandidate");
      if (isRefusalReason(value) && (!current.trim() || DEFAULT_MESSAGES.has(current))) {
        form.setValue("answerToCandidate", DEFAULT_REFUSAL_MESSAGES[value], { shouldValidate: Boolean(errors.answerToCandidate) });
      }
    },
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby="refuse-title">
      <h3 id="refuse-title" className="fr-h5">
        Décliner la candidature
      </h3>
      <p className="fr-text--sm">
        Le prescripteur reçoit le motif, la réponse au candidat et votre éventuel message privé. Le candidat reçoit uniquement la réponse
        qui lui est destinée, pré-remplie selon le motif et modifiable : le motif ne lui est jamais communiqué.
      </p>
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
        label="Réponse au candidat"
        textArea
        nativeTextAreaProps={{ ...form.register("answerToCandidate"), rows: 5, maxLength: MESSAGE_MAX_LENGTH }}
        {...fieldState(errors.answerToCandidate?.message)}
      />
      <Input
        label="Message privé au prescripteur (facultatif)"
        textArea
        nativeTextAreaProps={{ ...form.register("answerToPrescriber"), rows: 3, maxLength: MESSAGE_MAX_LENGTH }}
        {...fieldState(errors.answerToPrescriber?.message)}
      />
      <FormFooter submitLabel="Confirmer le refus" submitting={isSubmitting} serverError={errors.root?.server?.message} onClose={onClose} />
    </form>
  );
}
