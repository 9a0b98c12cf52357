// The application state machine (DESIGN §2–§5): the only place that decides which
// status changes are allowed and who hears about them. Pure and client-safe: buttons
// and server actions both read it.

// ——— Statuses ———

export const APPLICATION_STATUSES = ["NEW", "PROCESSING", "ACCEPTED", "POSTPONED", "REFUSED", "CANCELLED", "OBSOLETE"] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** A count per status, every status present at 0: what the counters, lists and statistics fill. */
export const emptyStatusCounts = () =>
  Object.fromEntries(APPLICATION_STATUSES.map((status) => [status, 0])) as Record<ApplicationStatus, number>;

export function isStatus(value: unknown): value is ApplicationStatus {
  return typeof value === "string" && (APPLICATION_STATUSES as readonly string[]).includes(value);
}

export const PENDING_STATUSES: readonly ApplicationStatus[] = ["NEW", "PROCESSING", "POSTPONED"];

/**
 * The statuses whose decision carries the employer's answer to the candidate (postpone, accept,
 * refuse). After a cancelled hire or a hire elsewhere the row still holds the earlier answer (the
 * welcome of the hire now cancelled, a postponement's "we'll come back to you"): it no longer
 * describes the application, and stays in its history only.
 */
export const ANSWERED_STATUSES: ReadonlySet<ApplicationStatus> = new Set(["POSTPONED", "ACCEPTED", "REFUSED"]);

export function isPending(status: ApplicationStatus): boolean {
  return PENDING_STATUSES.includes(status);
}

export const STATUS_LABELS: Record<ApplicationStatus, string> = {
  NEW: "Nouvelle candidature",
  PROCESSING: "Candidature à l'étude",
  ACCEPTED: "Candidature acceptée",
  POSTPONED: "Embauche pour plus tard",
  REFUSED: "Candidature déclinée",
  CANCELLED: "Embauche annulée",
  OBSOLETE: "Embauché ailleurs",
};

export type BadgeSeverity = "new" | "info" | "success" | "warning" | "error";

// undefined = the DSFR badge without severity (grey).
export const STATUS_BADGE: Record<ApplicationStatus, BadgeSeverity | undefined> = {
  NEW: "new",
  PROCESSING: "info",
  ACCEPTED: "success",
  POSTPONED: "warning",
  REFUSED: "error",
  CANCELLED: "error",
  OBSOLETE: undefined,
};

// Wording of the FAQ ("Quels sont les différents statuts liés aux candidatures ?").
export const STATUS_DESCRIPTIONS: Record<ApplicationStatus, string> = {
  NEW: "L'employeur n'a pas encore pris connaissance de la candidature",
  PROCESSING: "L'employeur a pris connaissance de la candidature",
  ACCEPTED: "L'employeur a décidé d'embaucher le candidat",
  POSTPONED: "L'employeur a différé la réponse (l'embauche n'est pas garantie)",
  REFUSED: "L'employeur a refusé la candidature",
  CANCELLED: "L'employeur avait accepté l'embauche mais s'est rétracté (exemple\u00a0: le candidat ne se présente pas)",
  OBSOLETE: "Une autre structure a embauché ce candidat",
};

// ——— Transitions ———

export type Actor = "employer" | "prescriber" | "system";
export const SYSTEM_ACTOR_LABEL = "Système";

export const TRANSITION_NAMES = ["process", "postpone", "accept", "refuse", "cancel", "render_obsolete", "auto_refuse"] as const;
export type TransitionName = (typeof TRANSITION_NAMES)[number];
/** The transitions only the system fires (a cascade, a daily job): never a button. */
export type SystemTransitionName = "render_obsolete" | "auto_refuse";
export type UserTransitionName = Exclude<TransitionName, SystemTransitionName>;
/**
 * The team's decisions: the first of them dates an application's decision in "Statistiques"
 * (decidedAt). The automatic refusal is not one: the system fires it, not a member.
 */
export const isTeamDecision = (transition: string) => transition === "accept" || transition === "refuse";

export interface TransitionDefinition {
  name: TransitionName;
  from: readonly ApplicationStatus[];
  to: ApplicationStatus;
  by: Actor;
  buttonLabel: string | null;
}

export const TRANSITIONS: Record<TransitionName, TransitionDefinition> = {
  process: {
    name: "process",
    from: ["NEW"],
    to: "PROCESSING",
    by: "employer",
    buttonLabel: "J'étudie la candidature",
  },
  postpone: {
    name: "postpone",
    from: ["NEW", "PROCESSING"],
    to: "POSTPONED",
    by: "employer",
    buttonLabel: "Embaucher plus tard",
  },
  // Accepting after a refusal, a cancellation or a hire elsewhere is allowed (part-time, mistakes).
  accept: {
    name: "accept",
    from: ["NEW", "PROCESSING", "POSTPONED", "REFUSED", "CANCELLED", "OBSOLETE"],
    to: "ACCEPTED",
    by: "employer",
    buttonLabel: "Accepter",
  },
  refuse: {
    name: "refuse",
    from: ["NEW", "PROCESSING", "POSTPONED"],
    to: "REFUSED",
    by: "employer",
    buttonLabel: "Décliner",
  },
  cancel: {
    name: "cancel",
    from: ["ACCEPTED"],
    to: "CANCELLED",
    by: "employer",
    buttonLabel: "Annuler l'embauche",
  },
  // Fired only by the cascade of an accept elsewhere, never by a button.
  render_obsolete: {
    name: "render_obsolete",
    from: ["NEW", "PROCESSING", "POSTPONED"],
    to: "OBSOLETE",
    by: "system",
    buttonLabel: null,
  },
  // Fired only by the daily job (lib/applications/auto-refusal.ts): an application left unanswered
  // for AUTO_REFUSAL_DAYS is declined with the reason AUTO. Not POSTPONED: that is an answer.
  auto_refuse: {
    name: "auto_refuse",
    from: ["NEW", "PROCESSING"],
    to: "REFUSED",
    by: "system",
    buttonLabel: null,
  },
};

const USER_TRANSITION_NAMES = TRANSITION_NAMES.filter((name): name is UserTransitionName => TRANSITIONS[name].by !== "system");

export function can(transition: TransitionName, from: ApplicationStatus, actor: Actor): boolean {
  // hasOwn: server callers may pass unchecked strings such as "toString".
  if (!Object.hasOwn(TRANSITIONS, transition)) return false;
  const definition = TRANSITIONS[transition];
  return definition.by === actor && definition.from.includes(from);
}

export function availableTransitions(from: ApplicationStatus, actor: Actor): UserTransitionName[] {
  return USER_TRANSITION_NAMES.filter((name) => can(name, from, actor));
}

export function targetStatus(transition: TransitionName): ApplicationStatus {
  return TRANSITIONS[transition].to;
}

// ——— Taking over ———

// Not a status move: another member of the employer team becomes the handler of an application
// under study or postponed ("Prise en charge par"; DESIGN §3: any member can take over, and a
// postponed one is still to be decided). Logged as an event from the status to itself.
export const TAKE_OVER = {
  name: "take_over",
  from: ["PROCESSING", "POSTPONED"] as readonly ApplicationStatus[],
  by: "employer" as Actor,
  buttonLabel: "Je prends en charge",
} as const;

export function canTakeOver(from: ApplicationStatus, actor: Actor): boolean {
  return actor === TAKE_OVER.by && TAKE_OVER.from.includes(from);
}

// ——— Archiving ———

// Not a status move either: an archived application leaves the employer's active list, nothing
// else changes (the prescriber and the candidate see the same). Recorded on the row (when, by whom).
export const ARCHIVE = { buttonLabel: "Archiver" } as const;
export const UNARCHIVE = { buttonLabel: "Désarchiver" } as const;

/** By hand, only closed applications are archived (issue 10). */
export const ARCHIVABLE_STATUSES: readonly ApplicationStatus[] = ["REFUSED", "CANCELLED", "OBSOLETE"];

export function canArchive(status: ApplicationStatus, archived: boolean, actor: Actor): boolean {
  return actor === "employer" && !archived && ARCHIVABLE_STATUSES.includes(status);
}

/** Any archived application may come back (the daily job also archives untouched pending ones). */
export function canUnarchive(archived: boolean, actor: Actor): boolean {
  return actor === "employer" && archived;
}

/** The daily job archives every application untouched for this long, except an accepted one (a hire stays in view). */
export const AUTO_ARCHIVE_AFTER_DAYS = 180;
export function isAutoArchivable(status: ApplicationStatus): boolean {
  return status !== "ACCEPTED";
}

// ——— Automatic refusal ———

/** The employer team is warned this many days before the automatic refusal, once per application. */
export const AUTO_REFUSAL_WARNING_DAYS = 15;

/** "2 mois" for 60 days, else "N jours": the wait as the e-mails and the standard answer say it. */
export function formatWait(days: number): string {
  return days % 30 === 0 ? `${days / 30} mois` : `${days} jours`;
}

/** The standard answer of an automatic refusal: it goes to the candidate and says why, on purpose. */
export function autoRefusalAnswer(days: number): string {
  return (
    `Bonjour, l'employeur n'a pas répondu à votre candidature dans un délai de ${formatWait(days)}\u00a0: ` +
    "elle a donc été déclinée automatiquement. Ne vous découragez pas\u00a0: nous vous encourageons à postuler " +
    "auprès d'autres employeurs, avec l'aide de la personne qui vous accompagne."
  );
}

// ——— Notifications ———

export type EventName = "send" | TransitionName;
export type Recipient = "candidate" | "prescriber" | "employerTeam";
export type EmailKind =
  | "application_received"
  | "application_sent"
  | "application_confirmation"
  | "application_postponed"
  | "application_accepted"
  | "application_refused"
  | "hire_cancelled"
  | "hired_elsewhere"
  | "auto_refusal_warning";

// A missing recipient gets no email for that event (e.g. "process" notifies nobody, per the FAQ).
export const EVENT_NOTIFICATIONS: Record<EventName, Partial<Record<Recipient, EmailKind>>> = {
  send: {
    candidate: "application_confirmation",
    prescriber: "application_sent",
    employerTeam: "application_received",
  },
  process: {},
  postpone: { candidate: "application_postponed", prescriber: "application_postponed" },
  accept: { candidate: "application_accepted", prescriber: "application_accepted" },
  refuse: { candidate: "application_refused", prescriber: "application_refused" },
  cancel: { candidate: "hire_cancelled", prescriber: "hire_cancelled" },
  render_obsolete: { prescriber: "hired_elsewhere", employerTeam: "hired_elsewhere" },
  // Told as any refusal; only here does the candidate's e-mail name the reason (issue 10).
  auto_refuse: { candidate: "application_refused", prescriber: "application_refused" },
};

/**
 * E-mails that announce no event of one application: the daily digest of the automatic refusal
 * to come (one e-mail per member listing the employer's applications), by recipient.
 */
export const DIGEST_NOTIFICATIONS = {
  autoRefusalWarning: { employerTeam: "auto_refusal_warning" },
} as const satisfies Record<string, Partial<Record<Recipient, EmailKind>>>;

export const EMAIL_KIND_LABELS: Record<EmailKind, string> = {
  application_received: "Nouvelle candidature reçue",
  application_sent: "Confirmation d'envoi d'une candidature",
  application_confirmation: "Confirmation de candidature envoyée au candidat",
  application_postponed: "Embauche pour plus tard",
  application_accepted: "Candidature acceptée",
  application_refused: "Candidature déclinée",
  hire_cancelled: "Embauche annulée",
  hired_elsewhere: "Candidat embauché ailleurs",
  auto_refusal_warning: "Candidatures bientôt déclinées automatiquement",
};

// ——— Refusal and postponement ———

export const REFUSAL_REASONS = [
  "UNREACHABLE",
  "NO_SHOW_INTERVIEW",
  "EMPLOYED",
  "IN_TRAINING",
  "NOT_ELIGIBLE",
  "NOT_MOBILE",
  "NOT_INTERESTED",
  "LACKING_SKILLS",
  "INCOMPATIBLE",
  "NO_POSITION",
  "DUPLICATE",
  "OTHER",
] as const;
/** A reason the employer picks in the refusal form (one application or a batch). */
export type EmployerRefusalReason = (typeof REFUSAL_REASONS)[number];

/** System-only: the daily job's reason, never offered in the form nor accepted from it. */
export const AUTO_REFUSAL_REASON = "AUTO";
/** Every reason a refused application may carry (the database enum). */
export const ALL_REFUSAL_REASONS = [...REFUSAL_REASONS, AUTO_REFUSAL_REASON] as const;
export type RefusalReason = (typeof ALL_REFUSAL_REASONS)[number];

/** A reason of the form: AUTO is not one. */
export function isRefusalReason(value: unknown): value is EmployerRefusalReason {
  return typeof value === "string" && (REFUSAL_REASONS as readonly string[]).includes(value);
}

// Shown to the prescriber only; the candidate never learns the reason, except AUTO (issue 10).
export const REFUSAL_REASON_LABELS: Record<RefusalReason, string> = {
  UNREACHABLE: "Candidat non joignable",
  NO_SHOW_INTERVIEW: "Candidat ne s'étant pas présenté à l'entretien",
  EMPLOYED: "Candidat indisponible\u00a0: en emploi",
  IN_TRAINING: "Candidat indisponible\u00a0: en formation",
  NOT_ELIGIBLE: "Candidat non éligible",
  NOT_MOBILE: "Candidat non mobile",
  NOT_INTERESTED: "Candidat non intéressé",
  LACKING_SKILLS: "Le candidat n'a pas les compétences requises pour le poste",
  INCOMPATIBLE: "Un des freins à l'emploi du candidat est incompatible avec le poste proposé",
  NO_POSITION: "Pas de recrutement en cours",
  DUPLICATE: "Candidature en doublon",
  OTHER: "Autre",
  AUTO: "Refus automatique",
};

const NEUTRAL_REFUSAL_MESSAGE =
  "Bonjour, nous avons étudié votre candidature et nous ne pouvons pas y donner une suite favorable pour le moment. Nous vous souhaitons une bonne continuation dans vos recherches.";

// Keyed by reason for the form's prefill, yet the same neutral text for all: it goes to
// the candidate, and any per-reason wording would reveal the reason. The employer edits it.
export const DEFAULT_REFUSAL_MESSAGES: Record<EmployerRefusalReason, string> = {
  UNREACHABLE: NEUTRAL_REFUSAL_MESSAGE,
  NO_SHOW_INTERVIEW: NEUTRAL_REFUSAL_MESSAGE,
  EMPLOYED: NEUTRAL_REFUSAL_MESSAGE,
  IN_TRAINING: NEUTRAL_REFUSAL_MESSAGE,
  NOT_ELIGIBLE: NEUTRAL_REFUSAL_MESSAGE,
  NOT_MOBILE: NEUTRAL_REFUSAL_MESSAGE,
  NOT_INTERESTED: NEUTRAL_REFUSAL_MESSAGE,
  LACKING_SKILLS: NEUTRAL_REFUSAL_MESSAGE,
  INCOMPATIBLE: NEUTRAL_REFUSAL_MESSAGE,
  NO_POSITION: NEUTRAL_REFUSAL_MESSAGE,
  DUPLICATE: NEUTRAL_REFUSAL_MESSAGE,
  OTHER: NEUTRAL_REFUSAL_MESSAGE,
};

export const DEFAULT_POSTPONE_MESSAGE =
  "Bonjour, nous avons étudié votre candidature avec attention. Nous ne sommes pas en mesure de vous répondre tout de suite, mais nous la gardons et reviendrons vers vous dès que possible. L'embauche n'est toutefois pas garantie.";

// Event titles, work queues, organisation types and the link validity: lib/vocabulary.ts.
export * from "@/lib/vocabulary";
