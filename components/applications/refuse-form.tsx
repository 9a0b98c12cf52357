"use client";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { refuseAction } from "@/lib/applications/decision-actions";
import { refuseSchema } from "@/lib/applications/decision-validation";
import { FormFooter, useDecisionSubmit, useFocusOnOpen, type DecisionFormProps } from "@/components/applications/decision-form-kit";
import { RefusalFields } from "@/components/applications/refusal-fields";

/** "Décliner": a reason for the prescriber only, an answer for the candidate, an optional private note. */
export function RefuseForm({ applicationId, status, onOutcome, onClose, candidateHasEmail }: DecisionFormProps) {
  const form = useForm({
    resolver: zodResolver(refuseSchema),
    // "" until a reason is picked: the select starts on its placeholder.
    defaultValues: { applicationId, status, refusalReason: "" as never, answerToCandidate: "", answerToPrescriber: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = useDecisionSubmit(form, refuseAction, onOutcome);
  useFocusOnOpen(form, "refusalReason");

  return (
    <form onSubmit={submit} noValidate aria-labelledby="refuse-title">
      <h3 id="refuse-title" className="fr-h5">
        Décliner la candidature
      </h3>
      <p className="fr-text--sm">
        Le prescripteur reçoit le motif, la réponse au candidat et votre éventuel message privé.{" "}
        {candidateHasEmail
          ? "Le candidat reçoit uniquement la réponse qui lui est destinée, pré-remplie et modifiable\u00a0: le motif ne lui est jamais communiqué."
          : "Le candidat n'a pas donné d'adresse e-mail\u00a0: le prescripteur lui transmettra la réponse qui lui est destinée (pré-remplie et modifiable), jamais le motif."}
      </p>
      <RefusalFields form={form} several={false} />
      <FormFooter submitLabel="Confirmer le refus" submitting={isSubmitting} serverError={errors.root?.server?.message} onClose={onClose} />
    </form>
  );
}
