"use client";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { acceptAction } from "@/lib/applications/decision-actions";
import { MESSAGE_MAX_LENGTH, acceptSchema, earliestHiringStartDate, todayInFrance } from "@/lib/applications/decision-validation";
import { isPending } from "@/lib/status";
import {
  FormFooter,
  fieldState,
  informedByEmail,
  useDecisionSubmit,
  useFocusOnOpen,
  type DecisionFormProps,
} from "@/components/applications/decision-form-kit";

/** "Accepter": the hiring dates, and an optional message to the candidate. */
export function AcceptForm({ applicationId, status, jobs = [], onOutcome, onClose, candidateHasEmail }: DecisionFormProps) {
  // The jobs applied for come first; the first of them is the likely answer.
  const ordered = [...jobs.filter((job) => job.appliedFor), ...jobs.filter((job) => !job.appliedFor)];
  const form = useForm({
    resolver: zodResolver(acceptSchema),
    defaultValues: {
      applicationId,
      status,
      hiringStartDate: todayInFrance(),
      hiringEndDate: "",
      answerToCandidate: "",
      hiredJobId: ordered.find((job) => job.appliedFor)?.id ?? "",
    },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = useDecisionSubmit(form, acceptAction, onOutcome);
  useFocusOnOpen(form, "hiringStartDate");

  return (
    <form onSubmit={submit} noValidate aria-labelledby="accept-title">
      <h3 id="accept-title" className="fr-h5">
        Accepter la candidature
      </h3>
      <p className="fr-text--sm">
        La candidature passera au statut «&nbsp;Candidature acceptée&nbsp;»&nbsp;; {informedByEmail(candidateHasEmail)}.
        {isPending(status)
          ? " Les autres candidatures en cours de cette personne passeront au statut «\u00a0Embauché ailleurs\u00a0»."
          : " La candidature avait déjà reçu une réponse\u00a0: l'acceptation figurera dans l'historique."}{" "}
        Le contrat peut avoir commencé depuis 30 jours au plus&nbsp;; la date de fin, si vous la connaissez, suit la date de début.
      </p>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <Input
            label="Date de début du contrat"
            nativeInputProps={{ ...form.register("hiringStartDate"), type: "date", min: earliestHiringStartDate(), required: true }}
            {...fieldState(errors.hiringStartDate?.message)}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Input
            label="Date de fin du contrat (facultatif)"
            nativeInputProps={{ ...form.register("hiringEndDate"), type: "date" }}
            {...fieldState(errors.hiringEndDate?.message)}
          />
        </div>
      </div>
      <Select
        label="Poste retenu"
        hint="Parmi vos fiches de poste, ouvertes ou fermées. Il figure dans les e-mails au candidat et au prescripteur."
        nativeSelectProps={form.register("hiredJobId")}
        {...fieldState(errors.hiredJobId?.message)}
      >
        <option value="">Aucun poste en particulier</option>
        {ordered.map((job) => (
          <option key={job.id} value={job.id}>
            {job.label}
            {job.appliedFor ? " (poste visé par la candidature)" : job.isOpen ? "" : " (recrutement fermé)"}
          </option>
        ))}
      </Select>
      <Input
        label="Message au candidat (facultatif)"
        textArea
        nativeTextAreaProps={{ ...form.register("answerToCandidate"), rows: 4, maxLength: MESSAGE_MAX_LENGTH }}
        {...fieldState(errors.answerToCandidate?.message)}
      />
      <FormFooter
        submitLabel="Confirmer l'embauche"
        submitting={isSubmitting}
        serverError={errors.root?.server?.message}
        onClose={onClose}
      />
    </form>
  );
}
