"use client";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { postponeAction } from "@/lib/applications/decision-actions";
import { MESSAGE_MAX_LENGTH, postponeSchema } from "@/lib/applications/decision-validation";
import { DEFAULT_POSTPONE_MESSAGE } from "@/lib/status";
import {
  FormFooter,
  fieldState,
  informedByEmail,
  useDecisionSubmit,
  useFocusOnOpen,
  type DecisionFormProps,
} from "@/components/applications/decision-form-kit";

/** "Embaucher plus tard": the answer is deferred; the candidate gets this message. */
export function PostponeForm({ applicationId, status, onOutcome, onClose, candidateHasEmail }: DecisionFormProps) {
  const form = useForm({
    resolver: zodResolver(postponeSchema),
    defaultValues: { applicationId, status, answerToCandidate: DEFAULT_POSTPONE_MESSAGE },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = useDecisionSubmit(form, postponeAction, onOutcome);
  useFocusOnOpen(form, "answerToCandidate");

  return (
    <form onSubmit={submit} noValidate aria-labelledby="postpone-title">
      <h3 id="postpone-title" className="fr-h5">
        Embaucher plus tard
      </h3>
      <p className="fr-text--sm">
        La candidature passera au statut «&nbsp;Embauche pour plus tard&nbsp;»&nbsp;; {informedByEmail(candidateHasEmail)}, avec ce message.
        L&apos;embauche n&apos;est pas garantie.
      </p>
      <Input
        label="Message au candidat"
        textArea
        nativeTextAreaProps={{ ...form.register("answerToCandidate"), rows: 5, maxLength: MESSAGE_MAX_LENGTH }}
        {...fieldState(errors.answerToCandidate?.message)}
      />
      <FormFooter submitLabel="Confirmer" submitting={isSubmitting} serverError={errors.root?.server?.message} onClose={onClose} />
    </form>
  );
}
