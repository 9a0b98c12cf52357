"use client";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { cancelAction } from "@/lib/applications/decision-actions";
import { MESSAGE_MAX_LENGTH, cancelSchema } from "@/lib/applications/decision-validation";
import {
  FormFooter,
  fieldState,
  informedByEmail,
  useDecisionSubmit,
  useFocusOnOpen,
  type DecisionFormProps,
} from "@/components/applications/decision-form-kit";

/** "Annuler l'embauche": the confirmation step, with an optional reason. */
export function CancelForm({ applicationId, status, onOutcome, onClose, candidateHasEmail }: DecisionFormProps) {
  const form = useForm({
    resolver: zodResolver(cancelSchema),
    defaultValues: { applicationId, status, cancellationReason: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = useDecisionSubmit(form, cancelAction, onOutcome);
  useFocusOnOpen(form, "cancellationReason");

  return (
    <form onSubmit={submit} noValidate aria-labelledby="cancel-title">
      <h3 id="cancel-title" className="fr-h5">
        Annuler l&apos;embauche&nbsp;?
      </h3>
      <p className="fr-text--sm">
        La candidature passera au statut «&nbsp;Embauche annulée&nbsp;» (par exemple si le candidat ne s&apos;est pas présenté)&nbsp;;{" "}
        {informedByEmail(candidateHasEmail)}. Le motif, s&apos;il est indiqué, est transmis au prescripteur seulement.
      </p>
      <Input
        label="Motif de l'annulation (facultatif)"
        textArea
        nativeTextAreaProps={{ ...form.register("cancellationReason"), rows: 3, maxLength: MESSAGE_MAX_LENGTH }}
        {...fieldState(errors.cancellationReason?.message)}
      />
      <FormFooter
        submitLabel="Confirmer l'annulation"
        closeLabel="Ne pas annuler"
        submitting={isSubmitting}
        serverError={errors.root?.server?.message}
        onClose={onClose}
      />
    </form>
  );
}
