"use client";
import { useFormContext, useWatch } from "react-hook-form";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import type { EmployerSearchResult } from "@/lib/applications/employers";
import { pickJobsMessage, type SendApplicationFormValues } from "@/lib/applications/send-validation";
import { jobLabel, SPONTANEOUS_LABEL } from "@/lib/job-descriptions/vocabulary";

/** What an employer takes, in one line of the search results (issue 13). */
export function recruitingSummary(employer: EmployerSearchResult): string {
  if (employer.openJobs.length === 0 && !employer.spontaneousApplicationsOpen) return "Ne recrute pas en ce moment";
  const jobs = employer.openJobs.length ? `Recrute\u00a0: ${employer.openJobs.map((job) => job.title).join(", ")}` : "Aucun poste ouvert";
  return `${jobs} · candidatures spontanées ${employer.spontaneousApplicationsOpen ? "ouvertes" : "fermées"}`;
}

/** The open jobs of the chosen employer, or "Candidature spontanée" when it takes them. */
export function JobPicker({ employer }: { employer: EmployerSearchResult }) {
  const {
    setValue,
    control,
    formState: { errors, isSubmitted },
  } = useFormContext<SendApplicationFormValues>();
  const [jobIds, spontaneous] = useWatch({ control, name: ["jobIds", "spontaneous"] });
  const selectedIds = Array.isArray(jobIds) ? (jobIds as string[]) : [];
  const options = { shouldValidate: isSubmitted };
  const error = pickJobsMessage(errors.jobIds?.message, employer.spontaneousApplicationsOpen);

  if (employer.openJobs.length === 0 && !employer.spontaneousApplicationsOpen) {
    return (
      <Alert
        severity="warning"
        small
        description="Cet employeur ne recrute pas en ce moment&nbsp;: aucun poste n'est ouvert et il n'accepte pas les candidatures spontanées. Choisissez un autre employeur."
      />
    );
  }

  return (
    <Checkbox
      legend={`Poste visé chez ${employer.name}`}
      hintText={
        employer.spontaneousApplicationsOpen
          ? "Choisissez un ou plusieurs postes ouverts, ou «\u00a0Candidature spontanée\u00a0»."
          : "Choisissez un ou plusieurs postes ouverts\u00a0: cet employeur n'accepte pas les candidatures spontanées."
      }
      state={error ? "error" : "default"}
      stateRelatedMessage={error}
      options={[
        ...employer.openJobs.map((job) => ({
          label: jobLabel(job),
          hintText: `${job.weeklyHours} h par semaine`,
          nativeInputProps: {
            name: "jobIds",
            value: job.id,
            checked: selectedIds.includes(job.id),
            onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
              const next = event.target.checked ? [...selectedIds, job.id] : selectedIds.filter((id) => id !== job.id);
              if (event.target.checked) setValue("spontaneous", false);
              setValue("jobIds", next, options);
            },
          },
        })),
        ...(employer.spontaneousApplicationsOpen
          ? [
              {
                label: SPONTANEOUS_LABEL,
                hintText: "Sans poste précis\u00a0: l'employeur étudie le profil pour tout poste à venir.",
                nativeInputProps: {
                  name: "spontaneous",
                  value: "true",
                  checked: spontaneous === true,
                  onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
                    if (event.target.checked) setValue("jobIds", []);
                    setValue("spontaneous", event.target.checked, options);
                  },
                },
              },
            ]
          : []),
      ]}
    />
  );
}
