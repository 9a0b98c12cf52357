/**
 * What a valid set of rows is (organisation, member, candidate and the sending organisation's
 * record of them, an application and the history of its status), written once for both kinds of
 * tests: test/fixtures.ts binds it to the app's client (Vitest, one database per worker), and
 * e2e/builders.ts to the e2e database (Playwright). Nothing here is server-only, so that Playwright
 * can load it. Every call creates its own rows with unique names, addresses and SIRETs: tests and
 * parallel workers never collide.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { PrismaClient } from "../prisma/client";
import type { Prisma } from "../lib/generated/prisma/client";
import type { ApplicationStatus, MembershipRole, OrganizationKind, OrganizationType, RefusalReason } from "../lib/generated/prisma/enums";
import type { MemberContext } from "../lib/auth/guards";
import { isTeamDecision } from "../lib/status";

export const unique = () => randomUUID().slice(0, 8);

// Random start, then consecutive: two processes (Vitest or Playwright workers) practically never meet.
let siretCounter = Math.floor(Math.random() * 1e8);
const nextSiret = () =>
  String(10_000_000_000_000 + siretCounter++ * 7919)
    .padStart(14, "0")
    .slice(-14);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const dateOnly = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));

export interface OrganizationOverrides {
  name?: string;
  type?: OrganizationType;
  city?: string;
  postalCode?: string;
  department?: string;
  contactEmail?: string | null;
  contactPhone?: string | null;
}

export interface MemberOverrides {
  email?: string;
  firstName?: string;
  lastName?: string;
  /** false: someone who left the organisation (the account remains). */
  isActive?: boolean;
}

type Names = { firstName: string; lastName: string; phone?: string | null; birthDate?: Date | null };

export interface ApplicationInput {
  candidateId: string;
  sender: { userId: string; organizationId: string };
  employerOrganizationId: string;
  status?: ApplicationStatus;
  createdAt?: Date;
  /** The sending organisation's record of the person, if it has none yet (default: the names given to createCandidate). */
  profile?: Names;
  jobTitle?: string | null;
  message?: string;
  /** Issue 13: the jobs applied for; none and `spontaneous` (the default when no job is given). */
  jobIds?: string[];
  spontaneous?: boolean;
  /** "Envoyer à un autre employeur": the declined application this one was re-sent from. */
  resentFromId?: string;
  /** "Poste retenu" of an accepted application. */
  hiredJobId?: string;
  /**
   * Also what the journey from "send" to `status` leaves behind, as the app would have written it:
   * the handler, the answers, the hiring dates, processedAt, decidedAt, and one event per step
   * (send, process, then the decision; "embauché ailleurs" by the system). Without it, only the
   * status is set.
   */
  history?: {
    /** The employer member who studied and decided (required past NEW, except OBSOLETE). */
    handlerId?: string;
    refusalReason?: RefusalReason;
    answerToCandidate?: string;
    /** The refusal's private message to the prescriber. */
    answerToPrescriber?: string;
    hiringStartDate?: Date;
    hiringEndDate?: Date;
    cancellationReason?: string;
  };
}

const DEFAULT_ANSWERS: Partial<Record<ApplicationStatus, string>> = {
  POSTPONED: "Bonjour, nous n'avons pas de poste disponible tout de suite\u00a0; nous reviendrons vers vous dès qu'un poste se libère.",
  REFUSED: "Bonjour, nous avons étudié votre candidature et ne pouvons pas y donner une suite favorable pour le moment.",
  ACCEPTED: "Bienvenue dans l'équipe\u00a0! Rendez-vous le premier jour à 9 h à l'accueil.",
  CANCELLED: "Bienvenue dans l'équipe\u00a0! Rendez-vous le premier jour à 9 h à l'accueil.",
};

/** The builders, writing through `db` (read at each call, so a lazily opened client works). */
export function dataBuilders(db: PrismaClient) {
  // The names each candidate was created with: every organisation that applies for them records
  // these, unless the caller gives its own (CandidateProfile is per organisation).
  const candidateNames = new Map<string, Names>();

  async function createOrganization(kind: OrganizationKind, overrides: OrganizationOverrides = {}) {
    const id = unique();
    return db.organization.create({
      data: {
        kind,
        type: overrides.type ?? (kind === "PRESCRIBER" ? "FT" : "EI"),
        name: overrides.name ?? `${kind === "PRESCRIBER" ? "Prescripteur" : "Employeur"} ${id}`,
        siret: nextSiret(),
        city: overrides.city ?? "Lille",
        postalCode: overrides.postalCode ?? "",
        department: overrides.department ?? "",
        contactEmail: overrides.contactEmail === undefined ? `contact-${id}@org.test` : overrides.contactEmail,
        contactPhone: overrides.contactPhone === undefined ? "03 20 00 00 00" : overrides.contactPhone,
      },
    });
  }

  /** A user who is a member of the organisation; returns the context lib functions take. */
  async function createMember(
    organization: { id: string; kind: OrganizationKind },
    role: MembershipRole = "MEMBER",
    overrides: MemberOverrides = {},
  ) {
    const id = unique();
    const firstName = overrides.firstName ?? "Prénom";
    const lastName = overrides.lastName ?? `Nom${id}`;
    const user = await db.user.create({
      data: { email: overrides.email ?? `user-${id}@pro.test`, firstName, lastName, name: `${firstName} ${lastName}` },
    });
    await db.membership.create({
      data: { userId: user.id, organizationId: organization.id, role, isActive: overrides.isActive ?? true },
    });
    const ctx: MemberContext = { userId: user.id, organizationId: organization.id, organizationKind: organization.kind, role };
    return { user, ctx };
  }

  /** A person (the shared identity), with the names organisations will record by default. */
  async function createCandidate(overrides: { email?: string | null; firstName?: string; lastName?: string } = {}) {
    const id = unique();
    const candidate = await db.candidate.create({
      data: { email: overrides.email === undefined ? `candidat-${id}@mail.test` : overrides.email },
    });
    const names = { firstName: overrides.firstName ?? "Candidat", lastName: overrides.lastName ?? `Test${id}` };
    candidateNames.set(candidate.id, names);
    return { ...candidate, ...names };
  }

  /**
   * An application as if sent and moved to `status` (no e-mails: set up state only; events only
   * with `history`). The sending organisation's record of the person is created on its first
   * application, from `profile` or else the names given to createCandidate.
   */
  async function createApplication(input: ApplicationInput) {
    const names = input.profile ?? candidateNames.get(input.candidateId) ?? { firstName: "Candidat", lastName: "Test" };
    await db.candidateProfile.upsert({
      where: { candidateId_organizationId: { candidateId: input.candidateId, organizationId: input.sender.organizationId } },
      update: {},
      create: { candidateId: input.candidateId, organizationId: input.sender.organizationId, ...names },
    });
    const status = input.status ?? "NEW";
    const data: Prisma.JobApplicationUncheckedCreateInput = {
      candidateId: input.candidateId,
      senderUserId: input.sender.userId,
      senderOrganizationId: input.sender.organizationId,
      employerOrganizationId: input.employerOrganizationId,
      jobTitle: input.jobTitle,
      message: input.message ?? "Candidature de test, avec un message assez long.",
      status,
      createdAt: input.createdAt,
      spontaneous: input.spontaneous ?? !input.jobIds?.length,
      resentFromId: input.resentFromId,
      hiredJobId: input.hiredJobId,
      jobs: input.jobIds?.length ? { create: input.jobIds.map((jobDescriptionId) => ({ jobDescriptionId })) } : undefined,
    };
    if (!input.history) return db.jobApplication.create({ data });

    const journey = journeyTo(status, input.sender.userId, input.history, input.createdAt ?? new Date());
    return db.jobApplication.create({
      data: { ...data, ...journey.fields, createdAt: journey.createdAt, events: { create: journey.events } },
    });
  }

  /** A "fiche de poste" of the employer (issue 13), open unless told otherwise. */
  async function createJob(
    organizationId: string,
    overrides: Partial<
      Pick<
        Prisma.JobDescriptionUncheckedCreateInput,
        "title" | "contractType" | "city" | "department" | "weeklyHours" | "positions" | "description" | "isOpen"
      >
    > = {},
  ) {
    return db.jobDescription.create({
      data: {
        organizationId,
        title: `Poste ${unique()}`,
        contractType: "CDDI",
        city: "Lille",
        department: "59",
        weeklyHours: 26,
        positions: 2,
        ...overrides,
      },
    });
  }

  /** One prescriber organisation with a member, one employer with a member, one candidate. */
  async function createScenario() {
    const prescriberOrg = await createOrganization("PRESCRIBER");
    const employerOrg = await createOrganization("EMPLOYER");
    const prescriber = await createMember(prescriberOrg);
    const employer = await createMember(employerOrg, "ADMIN");
    const candidate = await createCandidate();
    return { prescriberOrg, employerOrg, prescriber, employer, candidate };
  }

  /**
   * A database session of the user, as next-auth writes it at sign-in (ending 12 hours ahead,
   * lib/auth/session.ts SESSION_IDLE_SECONDS): its token, for the session cookie.
   */
  async function createSession(user: { id: string }, expires = new Date(Date.now() + 12 * 3_600_000)): Promise<string> {
    const sessionToken = randomBytes(32).toString("hex");
    await db.session.create({ data: { sessionToken, userId: user.id, expires } });
    return sessionToken;
  }

  return { createOrganization, createMember, createCandidate, createApplication, createScenario, createJob, createSession };
}

/**
 * The fields and events of the path lib/status.ts allows from "send" to `status`: NEW ← send;
 * then process; then postpone, refuse or accept (and cancel after accept); OBSOLETE is the system's
 * answer to a hire elsewhere, straight from NEW. Steps are spaced by hours after `sentAt`.
 */
function journeyTo(status: ApplicationStatus, senderUserId: string, history: NonNullable<ApplicationInput["history"]>, sentAt: Date) {
  const handlerId = history.handlerId ?? null;
  if (status !== "NEW" && status !== "OBSOLETE" && !handlerId) {
    throw new Error(`An application ${status} with its history needs the employer member who handled it (history.handlerId).`);
  }
  const at = (step: number) => new Date(sentAt.getTime() + step * HOUR);
  const answer = history.answerToCandidate ?? DEFAULT_ANSWERS[status] ?? null;
  const hired = status === "ACCEPTED" || status === "CANCELLED";
  const hiringStartDate = hired ? dateOnly(history.hiringStartDate ?? new Date(sentAt.getTime() + 14 * DAY)) : null;
  const hiringEndDate = hired && history.hiringEndDate ? dateOnly(history.hiringEndDate) : null;
  const refusalReason = status === "REFUSED" ? (history.refusalReason ?? "NO_POSITION") : null;
  const answerToPrescriber = status === "REFUSED" ? (history.answerToPrescriber ?? null) : null;

  const events: Prisma.ApplicationEventUncheckedCreateWithoutApplicationInput[] = [];
  const event = (
    transition: string,
    fromStatus: ApplicationStatus | null,
    toStatus: ApplicationStatus,
    actorId: string | null,
    extra: Partial<Prisma.ApplicationEventUncheckedCreateWithoutApplicationInput> = {},
  ) => {
    const step = events.length;
    events.push({
      transition,
      fromStatus,
      toStatus,
      actorId,
      createdAt: at(step),
      ...extra,
    });
  };
  event("send", null, "NEW", senderUserId);
  if (status === "OBSOLETE") event("render_obsolete", "NEW", "OBSOLETE", null);
  if (status !== "NEW" && status !== "OBSOLETE") event("process", "NEW", "PROCESSING", handlerId);
  if (status === "POSTPONED") event("postpone", "PROCESSING", "POSTPONED", handlerId, { message: answer });
  if (status === "REFUSED") {
    event("refuse", "PROCESSING", "REFUSED", handlerId, { refusalReason, message: answer, privateMessage: answerToPrescriber });
  }
  if (hired) event("accept", "PROCESSING", "ACCEPTED", handlerId, { message: answer, hiringStartDate, hiringEndDate });
  if (status === "CANCELLED") {
    event("cancel", "ACCEPTED", "CANCELLED", handlerId, {
      message: history.cancellationReason ?? "Le candidat ne s'est pas présenté le premier jour.",
    });
  }

  const decided = status !== "NEW" && status !== "PROCESSING" && status !== "OBSOLETE";
  // The team's first accept or refuse, as the transitions keep it for "Statistiques".
  const decision = events.find((e) => isTeamDecision(e.transition));
  return {
    createdAt: sentAt,
    events,
    fields: {
      handlerId: status === "NEW" || status === "OBSOLETE" ? null : handlerId,
      processedAt: status === "NEW" || status === "OBSOLETE" ? null : at(1),
      decidedAt: decision?.createdAt ?? null,
      refusalReason,
      answerToCandidate: decided ? answer : null,
      answerToPrescriber,
      hiringStartDate,
      hiringEndDate,
    },
  };
}
