"use client";
import { useState } from "react";
import Link from "@/components/link";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { createJobAction, updateJobAction } from "@/lib/job-descriptions/actions";
import {
  JOB_DESCRIPTION_MAX_LENGTH,
  JOB_TITLE_MAX_LENGTH,
  jobDescriptionSchema,
  type JobDescriptionFormValues,
  type JobDescriptionInput,
} from "@/lib/job-descriptions/validation";
import { CONTRACT_TYPES, CONTRACT_TYPE_LABELS, JOB_FIELD_LABELS } from "@/lib/job-descriptions/vocabulary";
import { ROUTES } from "@/lib/routes";
import { fieldState, setServerFieldErrors } from "@/components/applications/decision-form-kit";

const EMPTY: JobDescriptionFormValues = {
  title: "",
  contractType: "" as JobDescriptionFormValues["contractType"],
  city: "",
  department: "",
  weeklyHours: "",
  positions: "1",
  description: "",
};

/** Create or edit a "fiche de poste" (issue 13). */
export function JobForm({ jobId, initial }: { jobId?: string; initial?: JobDescriptionFormValues }) {
  const router = useRouter();
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useForm<JobDescriptionFormValues, unknown, JobDescriptionInput>({
    resolver: zodResolver(jobDescriptionSchema),
    defaultValues: initial ?? EMPTY,
  });
  const {
    register,
    setError,
    formState: { errors, isSubmitting },
  } = form;

  const submit = form.handleSubmit(async (values) => {
    setServerError(null);
    const result = await (jobId ? updateJobAction({ ...values, jobId }) : createJobAction(values)).catch(() => null);
    if (result?.ok) {
      // The action revalidated the jobs page, so this navigation reads it afresh; a refresh on top
      // would render it a second time (issue 12).
      // The list says what happened (its page reads `enregistree`): an untouched form saved nothing.
      const saved = !jobId ? "creee" : "changed" in result && !result.changed ? "inchangee" : "modifiee";
      router.push(`${ROUTES.employerJobs}?enregistree=${saved}`);
      return;
    }
    setServerError(result?.error ?? "La fiche n'a pas pu être enregistrée. Vérifiez votre connexion et réessayez.");
    setServerFieldErrors(setError, result?.fieldErrors);
  });

  return (
    <form onSubmit={submit} noValidate aria-label={jobId ? "Modifier la fiche de poste" : "Créer une fiche de poste"}>
      {serverError && <Alert severity="error" small description={serverError} className="fr-mb-3w" role="alert" />}
      <Input
        label={JOB_FIELD_LABELS.title}
        nativeInputProps={{ ...register("title"), maxLength: JOB_TITLE_MAX_LENGTH, autoComplete: "off", "aria-required": true }}
        {...fieldState(errors.title?.message)}
      />
      <Select
        label={JOB_FIELD_LABELS.contractType}
        nativeSelectProps={{ ...register("contractType"), "aria-required": true }}
        {...fieldState(errors.contractType?.message)}
      >
        <option value="" disabled>
          Choisissez un type de contrat
        </option>
        {CONTRACT_TYPES.map((type) => (
          <option key={type} value={type}>
            {CONTRACT_TYPE_LABELS[type]}
          </option>
        ))}
      </Select>
      {/* « Ville » has a hint as « Département » does, so that the two inputs side by side line up,
          errors or not. The row's margin keeps the next label off these inputs (in a column, an
          input group is a last child, with no margin of its own). */}
      <div className="fr-grid-row fr-grid-row--gutters fr-mb-2w">
        <div className="fr-col-12 fr-col-md-8">
          <Input
            label={JOB_FIELD_LABELS.city}
            hintText="Commune où se trouve le poste"
            nativeInputProps={{ ...register("city"), autoComplete: "address-level2" }}
            {...fieldState(errors.city?.message)}
          />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input
            label={JOB_FIELD_LABELS.department}
            hintText="Numéro, par exemple 59"
            nativeInputProps={{ ...register("department"), maxLength: 3, autoComplete: "off" }}
            {...fieldState(errors.department?.message)}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Input
            label={JOB_FIELD_LABELS.weeklyHours}
            nativeInputProps={{ ...register("weeklyHours"), type: "number", inputMode: "numeric", min: 1, max: 48 }}
            {...fieldState(errors.weeklyHours?.message)}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Input
            label={JOB_FIELD_LABELS.positions}
            nativeInputProps={{ ...register("positions"), type: "number", inputMode: "numeric", min: 1, max: 99 }}
            {...fieldState(errors.positions?.message)}
          />
        </div>
      </div>
      <Input
        label={`${JOB_FIELD_LABELS.description} (facultatif)`}
        hintText="Missions, horaires, prérequis…"
        textArea
        nativeTextAreaProps={{ ...register("description"), rows: 6, maxLength: JOB_DESCRIPTION_MAX_LENGTH }}
        {...fieldState(errors.description?.message)}
      />
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <button type="submit" className="fr-btn" disabled={isSubmitting}>
            {jobId ? "Enregistrer les modifications" : "Créer la fiche de poste"}
          </button>
        </li>
        <li>
          <Link className="fr-btn fr-btn--tertiary" href={ROUTES.employerJobs}>
            Annuler
          </Link>
        </li>
      </ul>
    </form>
  );
}
