// "Fiches de poste" (issue 13): the labels every screen and e-mail reads. Pure and client-safe.

export const CONTRACT_TYPES = ["CDDI", "CDI_INCLUSION", "CDD", "INTERIM_INSERTION", "APPRENTICESHIP", "PROFESSIONALIZATION"] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export const CONTRACT_TYPE_LABELS: Record<ContractType, string> = {
  CDDI: "CDDI",
  CDI_INCLUSION: "CDI inclusion",
  CDD: "CDD",
  INTERIM_INSERTION: "Mission d'intérim d'insertion",
  APPRENTICESHIP: "Contrat d'apprentissage",
  PROFESSIONALIZATION: "Contrat de professionnalisation",
};

/** What a job is called in lists and e-mails: "Agent de tri (CDDI) — Roubaix". */
export function jobLabel(job: { title: string; contractType: ContractType; city?: string | null }): string {
  const base = `${job.title} (${CONTRACT_TYPE_LABELS[job.contractType]})`;
  return job.city ? `${base} — ${job.city}` : base;
}

export const SPONTANEOUS_LABEL = "Candidature spontanée";

export const JOB_FIELD_LABELS = {
  title: "Intitulé du poste",
  contractType: "Type de contrat",
  city: "Ville",
  department: "Département",
  weeklyHours: "Heures par semaine",
  positions: "Nombre de postes",
  description: "Description",
} as const;
export type JobField = keyof typeof JOB_FIELD_LABELS;

export const JOB_CHANGE_ACTIONS = ["created", "updated", "opened", "closed", "spontaneous_opened", "spontaneous_closed"] as const;
export type JobChangeAction = (typeof JOB_CHANGE_ACTIONS)[number];
export const JOB_CHANGE_LABELS: Record<JobChangeAction, string> = {
  created: "a créé la fiche",
  updated: "a modifié la fiche",
  opened: "a ouvert le recrutement de la fiche",
  closed: "a fermé le recrutement de la fiche",
  spontaneous_opened: "a ouvert les candidatures spontanées",
  spontaneous_closed: "a fermé les candidatures spontanées",
};

/** What an application was sent for, in one line: its jobs, or "Candidature spontanée", and the free-text precision. */
export function appliedForLabel(application: {
  spontaneous: boolean;
  jobTitle: string | null;
  jobs: { jobDescription: { title: string; contractType: ContractType; city?: string | null } }[];
}): string {
  const precision = application.jobTitle?.trim();
  const main = application.jobs.length
    ? application.jobs.map(({ jobDescription }) => jobLabel(jobDescription)).join("\u00a0; ")
    : application.spontaneous
      ? SPONTANEOUS_LABEL
      : "";
  if (!main) return precision || "Non précisé";
  return precision ? `${main} — ${precision}` : main;
}
