import { describe, expect, expectTypeOf, it } from "vitest";
import { ApplicationStatus as DbStatus, RefusalReason as DbReason } from "@/lib/generated/prisma/enums";
import {
  APPLICATION_STATUSES,
  DEFAULT_POSTPONE_MESSAGE,
  DEFAULT_REFUSAL_MESSAGES,
  EMAIL_KIND_LABELS,
  EVENT_NOTIFICATIONS,
  PENDING_STATUSES,
  REFUSAL_REASONS,
  REFUSAL_REASON_LABELS,
  STATUS_BADGE,
  STATUS_DESCRIPTIONS,
  STATUS_LABELS,
  SYSTEM_ACTOR_LABEL,
  TRANSITIONS,
  TRANSITION_NAMES,
  ALL_REFUSAL_REASONS,
  ARCHIVE,
  AUTO_REFUSAL_REASON,
  DIGEST_NOTIFICATIONS,
  UNARCHIVE,
  autoRefusalAnswer,
  canArchive,
  canUnarchive,
  isAutoArchivable,
  availableTransitions,
  can,
  isPending,
  isRefusalReason,
  isStatus,
  targetStatus,
  type Actor,
  type ApplicationStatus,
  type EmailKind,
  type RefusalReason,
  type TransitionName,
  type UserTransitionName,
} from "./status";

// Expectations are written out from DESIGN §3, not derived from TRANSITIONS,
// so a wrong table entry fails here.
const EMPLOYER_MAY: Record<ApplicationStatus, readonly UserTransitionName[]> = {
  NEW: ["process", "postpone", "accept", "refuse"],
  PROCESSING: ["postpone", "accept", "refuse"],
  ACCEPTED: ["cancel"],
  POSTPONED: ["accept", "refuse"],
  REFUSED: ["accept"],
  CANCELLED: ["accept"],
  OBSOLETE: ["accept"],
};
const SYSTEM_MAY: Record<ApplicationStatus, readonly TransitionName[]> = {
  NEW: ["render_obsolete", "auto_refuse"],
  PROCESSING: ["render_obsolete", "auto_refuse"],
  ACCEPTED: [],
  POSTPONED: ["render_obsolete"],
  REFUSED: [],
  CANCELLED: [],
  OBSOLETE: [],
};

const STATUSES = Object.keys(EMPLOYER_MAY) as ApplicationStatus[];
const TRANSITION_LIST: readonly TransitionName[] = ["process", "postpone", "accept", "refuse", "cancel", "render_obsolete", "auto_refuse"];
const ACTORS: readonly Actor[] = ["employer", "prescriber", "system"];

function expectedCan(transition: TransitionName, from: ApplicationStatus, actor: Actor): boolean {
  if (actor === "employer") return (EMPLOYER_MAY[from] as readonly TransitionName[]).includes(transition);
  if (actor === "system") return SYSTEM_MAY[from].includes(transition);
  return false;
}

const CAN_CASES = STATUSES.flatMap((from) =>
  TRANSITION_LIST.flatMap((transition) =>
    ACTORS.map((actor) => ({ from, transition, actor, expected: expectedCan(transition, from, actor) })),
  ),
);

describe("statuses", () => {
  it("lists the 7 statuses of the FAQ, in order", () => {
    expect(APPLICATION_STATUSES).toEqual(STATUSES);
    expect(CAN_CASES).toHaveLength(7 * 7 * 3);
  });

  it.each([
    ["NEW", true],
    ["PROCESSING", true],
    ["POSTPONED", true],
    ["ACCEPTED", false],
    ["REFUSED", false],
    ["CANCELLED", false],
    ["OBSOLETE", false],
  ] as const)("isPending(%s) is %s", (status, pending) => {
    expect(isPending(status)).toBe(pending);
    expect(PENDING_STATUSES.includes(status)).toBe(pending);
  });

  it("has the exact labels, badges and FAQ descriptions", () => {
    expect(STATUS_LABELS).toStrictEqual({
      NEW: "Nouvelle candidature",
      PROCESSING: "Candidature à l'étude",
      ACCEPTED: "Candidature acceptée",
      POSTPONED: "Embauche pour plus tard",
      REFUSED: "Candidature déclinée",
      CANCELLED: "Embauche annulée",
      OBSOLETE: "Embauché ailleurs",
    });
    expect(STATUS_BADGE).toStrictEqual({
      NEW: "new",
      PROCESSING: "info",
      ACCEPTED: "success",
      POSTPONED: "warning",
      REFUSED: "error",
      CANCELLED: "error",
      OBSOLETE: undefined,
    });
    expect(Object.keys(STATUS_BADGE)).toContain("OBSOLETE");
    expect(STATUS_DESCRIPTIONS.NEW).toBe("L'employeur n'a pas encore pris connaissance de la candidature");
    expect(STATUS_DESCRIPTIONS.OBSOLETE).toBe("Une autre structure a embauché ce candidat");
    for (const status of STATUSES) expect(STATUS_DESCRIPTIONS[status]).toMatch(/^\S.{10,}$/);
    expect(SYSTEM_ACTOR_LABEL).toBe("Système");
  });

  it.each([
    ["NEW", true],
    ["OBSOLETE", true],
    ["new", false],
    ["", false],
    ["toString", false],
    [null, false],
    [undefined, false],
    [3, false],
    [["NEW"], false],
  ])("isStatus(%j) is %s", (value, expected) => {
    expect(isStatus(value)).toBe(expected);
  });
});

describe("transitions", () => {
  it.each(CAN_CASES)("can($transition, $from, $actor) is $expected", ({ transition, from, actor, expected }) => {
    expect(can(transition, from, actor)).toBe(expected);
  });

  it.each(STATUSES)("availableTransitions(%s, employer) gives the buttons in table order", (from) => {
    expect(availableTransitions(from, "employer")).toEqual(EMPLOYER_MAY[from]);
  });

  it.each(STATUSES)("availableTransitions(%s) gives no button to a prescriber or the system", (from) => {
    expect(availableTransitions(from, "prescriber")).toEqual([]);
    expect(availableTransitions(from, "system")).toEqual([]);
  });

  it("refuses unknown transitions coming from unchecked input", () => {
    expect(can("toString" as TransitionName, "NEW", "employer")).toBe(false);
    expect(can("accept", "toString" as ApplicationStatus, "employer")).toBe(false);
    expect(can("accept", "NEW", "admin" as Actor)).toBe(false);
  });

  it.each([
    ["process", "PROCESSING"],
    ["postpone", "POSTPONED"],
    ["accept", "ACCEPTED"],
    ["refuse", "REFUSED"],
    ["cancel", "CANCELLED"],
    ["render_obsolete", "OBSOLETE"],
    ["auto_refuse", "REFUSED"],
  ] as const)("targetStatus(%s) is %s", (transition, to) => {
    expect(targetStatus(transition)).toBe(to);
  });

  it("has the exact button labels, and none for the system transition", () => {
    expect(TRANSITION_NAMES).toEqual(TRANSITION_LIST);
    const labels = Object.fromEntries(TRANSITION_LIST.map((name) => [name, TRANSITIONS[name].buttonLabel]));
    expect(labels).toStrictEqual({
      process: "J'étudie la candidature",
      postpone: "Embaucher plus tard",
      accept: "Accepter",
      refuse: "Décliner",
      cancel: "Annuler l'embauche",
      render_obsolete: null,
      auto_refuse: null,
    });
    for (const name of TRANSITION_LIST) expect(TRANSITIONS[name].name).toBe(name);
  });
});

describe("notifications", () => {
  it("matches DESIGN §5 exactly", () => {
    expect(EVENT_NOTIFICATIONS).toStrictEqual({
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
      auto_refuse: { candidate: "application_refused", prescriber: "application_refused" },
    });
  });

  it("sends nothing on process and nothing to the candidate on render_obsolete", () => {
    expect(Object.keys(EVENT_NOTIFICATIONS.process)).toEqual([]);
    expect("candidate" in EVENT_NOTIFICATIONS.render_obsolete).toBe(false);
  });

  it("notifies the prescriber of every decision, even without a candidate email", () => {
    for (const name of TRANSITION_LIST.filter((name) => name !== "process")) {
      expect(EVENT_NOTIFICATIONS[name].prescriber, name).toBeDefined();
    }
  });

  it("labels every email kind, distinctly, and every kind is sent by some event", () => {
    const sent = new Set<EmailKind>(
      [...Object.values(EVENT_NOTIFICATIONS), ...Object.values(DIGEST_NOTIFICATIONS)].flatMap((byRecipient) => Object.values(byRecipient)),
    );
    expect([...sent].sort()).toEqual(Object.keys(EMAIL_KIND_LABELS).sort());
    const labels = Object.values(EMAIL_KIND_LABELS);
    expect(new Set(labels).size).toBe(labels.length);
    expect(EMAIL_KIND_LABELS.application_received).toBe("Nouvelle candidature reçue");
  });
});

describe("archiving", () => {
  it.each(STATUSES)("an employer archives a %s application by hand only when it is closed, and unarchives any", (status) => {
    const closed = ["REFUSED", "CANCELLED", "OBSOLETE"].includes(status);
    expect(canArchive(status, false, "employer")).toBe(closed);
    expect(canArchive(status, true, "employer")).toBe(false);
    expect(canArchive(status, false, "prescriber")).toBe(false);
    expect(canUnarchive(true, "employer")).toBe(true);
    expect(canUnarchive(false, "employer")).toBe(false);
    expect(canUnarchive(true, "prescriber")).toBe(false);
    // The daily job leaves a hire in view.
    expect(isAutoArchivable(status)).toBe(status !== "ACCEPTED");
  });
});

describe("refusal reasons and messages", () => {
  it("has the exact labels of DESIGN §4, in order", () => {
    expect(ALL_REFUSAL_REASONS).toEqual(Object.keys(REFUSAL_REASON_LABELS));
    expect(REFUSAL_REASON_LABELS).toStrictEqual({
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
    });
  });

  it("never offers the system's reason AUTO in the form", () => {
    expect(REFUSAL_REASONS).not.toContain(AUTO_REFUSAL_REASON);
    expect(isRefusalReason("AUTO")).toBe(false);
    expect(Object.keys(DEFAULT_REFUSAL_MESSAGES)).toEqual([...REFUSAL_REASONS]);
  });

  it("says in the automatic refusal's answer that the employer did not reply within 2 months, and to apply elsewhere", () => {
    expect(autoRefusalAnswer(60)).toMatch(/^Bonjour, l'employeur n'a pas répondu à votre candidature dans un délai de 2 mois/);
    expect(autoRefusalAnswer(60)).toContain("postuler auprès d'autres employeurs");
    expect(autoRefusalAnswer(45)).toContain("délai de 45 jours");
  });

  it.each(REFUSAL_REASONS)("the default message for %s is polite and reveals no reason", (reason) => {
    const message = DEFAULT_REFUSAL_MESSAGES[reason];
    expect(message).toMatch(/^Bonjour, .{40,}/);
    for (const label of Object.values(REFUSAL_REASON_LABELS)) {
      expect(message.toLowerCase()).not.toContain(label.toLowerCase());
    }
  });

  it("has a postpone message for the candidate", () => {
    expect(DEFAULT_POSTPONE_MESSAGE).toMatch(/^Bonjour, .{40,}/);
  });

  it.each([
    ["UNREACHABLE", true],
    ["OTHER", true],
    ["Autre", false],
    ["constructor", false],
    [null, false],
    [12, false],
  ])("isRefusalReason(%j) is %s", (value, expected) => {
    expect(isRefusalReason(value)).toBe(expected);
  });
});

describe("typography", () => {
  it("uses the straight apostrophe in every user-facing string", () => {
    const strings = [
      ...Object.values(STATUS_LABELS),
      ...Object.values(STATUS_DESCRIPTIONS),
      ...Object.values(EMAIL_KIND_LABELS),
      ...Object.values(REFUSAL_REASON_LABELS),
      ...Object.values(DEFAULT_REFUSAL_MESSAGES),
      ...TRANSITION_LIST.map((name) => TRANSITIONS[name].buttonLabel ?? ""),
      DEFAULT_POSTPONE_MESSAGE,
      autoRefusalAnswer(60),
      ARCHIVE.buttonLabel,
      UNARCHIVE.buttonLabel,
    ];
    for (const text of strings) expect(text).not.toMatch(/[’‘`]/);
  });
});

describe("parity with the Prisma enums", () => {
  it("has the same statuses and refusal reasons as the database", () => {
    expectTypeOf<ApplicationStatus>().toEqualTypeOf<DbStatus>();
    expectTypeOf<RefusalReason>().toEqualTypeOf<DbReason>();
    expect([...APPLICATION_STATUSES].sort()).toEqual(Object.values(DbStatus).sort());
    expect([...ALL_REFUSAL_REASONS].sort()).toEqual(Object.values(DbReason).sort());
  });
});
