// The product's words that go with the state machine (lib/status.ts re-exports this file). Typed
// by its unions: adding a transition, a group or a type fails the build until its label exists.
import type { ApplicationStatus, TAKE_OVER, TransitionName } from "@/lib/status";
import { YEAR_MS } from "@/lib/time";

/** The title of each event of an application's history ("send" is the first one). */
export const EVENT_TITLES: Record<TransitionName | (typeof TAKE_OVER)["name"] | "send", string> = {
  send: "Candidature envoyée",
  process: "Candidature mise à l'étude",
  // Followed by "— par <who>" in the history: the title names the change, the line its author.
  take_over: "Changement de prise en charge",
  postpone: "Embauche reportée à plus tard",
  accept: "Candidature acceptée",
  refuse: "Candidature déclinée",
  cancel: "Embauche annulée",
  render_obsolete: "Candidat embauché par un autre employeur",
  auto_refuse: "Candidature déclinée automatiquement",
};

export function isEventTitled(transition: string): transition is keyof typeof EVENT_TITLES {
  return Object.hasOwn(EVENT_TITLES, transition);
}

/** The employer's work queues: the dashboard's buttons and the list's counters. */
export const STATUS_GROUPS = {
  toProcess: { label: "À traiter", statuses: ["NEW", "PROCESSING"] },
  waiting: { label: "En attente", statuses: ["POSTPONED"] },
} as const satisfies Record<string, { label: string; statuses: readonly ApplicationStatus[] }>;
export type StatusGroup = keyof typeof STATUS_GROUPS;

/** How many applications a group holds, from the counts per status. */
export function countInGroup(group: StatusGroup, counts: Record<ApplicationStatus, number>): number {
  return STATUS_GROUPS[group].statuses.reduce((sum, status) => sum + counts[status], 0);
}

/** The mark of an archived application on the employer's screens (issue 10). */
export const ARCHIVED_LABEL = "Archivée";

// ——— Organisations ———

export const ORGANIZATION_KIND_LABELS = { PRESCRIBER: "Prescripteur", EMPLOYER: "Employeur" } as const;

/** The kinds of employers (structures d'insertion par l'activité économique) one can apply to. */
export const EMPLOYER_TYPES = ["EI", "ACI", "AI", "ETTI", "EITI", "GEIQ"] as const;
export type EmployerType = (typeof EMPLOYER_TYPES)[number];

export const EMPLOYER_TYPE_LABELS: Record<EmployerType, string> = {
  EI: "Entreprise d'insertion (EI)",
  ACI: "Atelier et chantier d'insertion (ACI)",
  AI: "Association intermédiaire (AI)",
  ETTI: "Entreprise de travail temporaire d'insertion (ETTI)",
  EITI: "Entreprise d'insertion par le travail indépendant (EITI)",
  GEIQ: "Groupement d'employeurs pour l'insertion et la qualification (GEIQ)",
};

export function isEmployerType(value: string): value is EmployerType {
  return (EMPLOYER_TYPES as readonly string[]).includes(value);
}

// ——— The candidate's status link ———

/** How long a candidate's personal status link stays valid, and how the pages say it. */
export const CANDIDATE_LINK_VALIDITY = { ms: YEAR_MS, label: "12 mois" } as const;
