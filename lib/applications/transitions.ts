import "server-only";
import { prisma, sqlTimestamp, type TransactionClient, withPreparedStatements, writeTransaction } from "@/lib/db";
import type { MemberContext } from "@/lib/auth/guards";
import { decidableApplicationsSql, manageableJobsWhere } from "@/lib/access";
import { findAndLockCandidate, type LockedApplication as Received } from "@/lib/applications/candidate-lock";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notifyApplicationEvent } from "@/lib/mail/notify";
import {
  PENDING_STATUSES,
  TAKE_OVER,
  can,
  canTakeOver,
  isTeamDecision,
  targetStatus,
  type ApplicationStatus,
  type SystemTransitionName,
  type UserTransitionName,
} from "@/lib/status";
import type {
  AcceptInput,
  CancelInput,
  PostponeInput,
  ProcessInput,
  RefuseInput,
  TakeOverInput,
} from "@/lib/applications/decision-validation";
import { parseCalendarDate } from "@/lib/calendar-date";

/**
 * The employer's decisions (DESIGN §3). Each one, in a single transaction: checks that the
 * member belongs to the receiving organisation, locks the candidate (decisions about one person
 * are serialised), writes the status only if it is still the one the user saw, logs the event
 * and writes the emails of DESIGN §5 into the outbox. Expected failures are results, not throws.
 */
export type TransitionResult =
  // emailIds: the outbox rows written, for delivery once the transaction has committed.
  | { ok: true; emailIds: string[] }
  | { error: "not_found" }
  // Someone (or a cascade) changed the application since the user saw it.
  | { error: "stale"; status: ApplicationStatus }
  // The seen status does not allow this move: a forged or outdated request.
  | { error: "not_allowed"; status: ApplicationStatus };

export interface TransitionOptions {
  /** Absolute base of the links in emails (lib/url.ts getBaseUrl()). */
  baseUrl: string;
}

const NOT_FOUND = { error: "not_found" } as const;

type Seen = { applicationId: string; status: ApplicationStatus };

/** The application, if this member may decide on it (lib/access.ts), with its candidate locked. */
async function findDecidable(tx: TransactionClient, ctx: MemberContext, applicationId: string): Promise<Received | null> {
  const decidable = decidableApplicationsSql(ctx);
  return decidable ? findAndLockCandidate(tx, applicationId, decidable) : null;
}

async function currentStatus(tx: TransactionClient, applicationId: string): Promise<ApplicationStatus> {
  const row = await tx.jobApplication.findUniqueOrThrow({ where: { id: applicationId }, select: { status: true } });
  return row.status;
}

async function refusal(tx: TransactionClient, seen: ApplicationStatus, applicationId: string): Promise<TransitionResult> {
  const status = await currentStatus(tx, applicationId);
  return status === seen ? { error: "not_allowed", status } : { error: "stale", status };
}

interface Change {
  data: Prisma.JobApplicationUncheckedUpdateManyInput;
  event: Omit<Prisma.ApplicationEventUncheckedCreateInput, "applicationId" | "transition" | "fromStatus" | "toStatus" | "actorId">;
  cancellationReason?: string | null;
}

async function runTransition(
  ctx: MemberContext,
  seen: Seen,
  transition: UserTransitionName,
  change: Change,
  { baseUrl }: TransitionOptions,
): Promise<TransitionResult> {
  // Prepared (lib/db.ts withPreparedStatements): one application, its candidate's others, its two organisations.
  return withPreparedStatements(() =>
    writeTransaction(async (tx): Promise<TransitionResult> => {
      const application = await findDecidable(tx, ctx, seen.applicationId);
      if (!application) return NOT_FOUND;
      if (!can(transition, seen.status, "employer")) return refusal(tx, seen.status, application.id);

      const to = targetStatus(transition);
      const now = new Date();
      const { count } = await tx.jobApplication.updateMany({
        where: { id: application.id, status: seen.status },
        data: { ...change.data, ...statusMove(to, now) },
      });
      if (count !== 1) return { error: "stale", status: await currentStatus(tx, application.id) } as const;
      // A decision taken straight from "Nouvelle candidature" names its author as the handler; the
      // team's first accept or refuse is its decision time for "Statistiques".
      if (transition !== "process") {
        const decision = isTeamDecision(transition);
        await tx.$executeRaw`UPDATE "JobApplication" SET
          "processedAt" = CASE WHEN "handlerId" IS NULL THEN ${sqlTimestamp(now)} ELSE "processedAt" END,
          "handlerId" = COALESCE("handlerId", ${ctx.userId}),
          "decidedAt" = CASE WHEN ${decision} THEN COALESCE("decidedAt", ${sqlTimestamp(now)}) ELSE "decidedAt" END
          WHERE id = ${application.id} AND ("handlerId" IS NULL OR (${decision} AND "decidedAt" IS NULL))`;
      }
      await tx.applicationEvent.create({
        data: {
          ...change.event,
          applicationId: application.id,
          transition,
          fromStatus: seen.status,
          toStatus: to,
          actorId: ctx.userId,
          createdAt: now,
        },
      });
      const cascadeEmailIds = transition === "accept" ? await renderOtherApplicationsObsolete(tx, application, { baseUrl }) : [];
      const emailIds = await notifyApplicationEvent(tx, {
        event: transition,
        applicationId: application.id,
        baseUrl,
        cancellationReason: change.cancellationReason,
      });
      return { ok: true, emailIds: [...emailIds, ...cascadeEmailIds] } as const;
    }),
  );
}

/**
 * What every status change writes, whoever makes it (a member, the cascade, a daily job): the new
 * status, the clock of the automatic refusal and of the archiving, and the end of any archiving —
 * an application that moves is back in the active list (issue 10).
 */
function statusMove(to: ApplicationStatus, now: Date) {
  return { status: to, statusChangedAt: now, archivedAt: null, archivedById: null } satisfies Prisma.JobApplicationUncheckedUpdateManyInput;
}

/**
 * A transition of the system (lib/status.ts, by "system"), inside the caller's transaction, which
 * holds the candidate's lock: written only if the application is still in the status the system
 * read; the event has no actor (the history shows "Système"). Returns the outbox ids, or null
 * when the application had moved meanwhile.
 */
export async function runSystemTransition(
  tx: TransactionClient,
  seen: Seen,
  transition: SystemTransitionName,
  change: Pick<Change, "data" | "event">,
  { baseUrl }: TransitionOptions,
): Promise<string[] | null> {
  if (!can(transition, seen.status, "system")) return null;
  const to = targetStatus(transition);
  const now = new Date();
  const { count } = await tx.jobApplication.updateMany({
    where: { id: seen.applicationId, status: seen.status },
    data: { ...change.data, ...statusMove(to, now) },
  });
  if (count !== 1) return null;
  await tx.applicationEvent.create({
    data: {
      ...change.event,
      applicationId: seen.applicationId,
      transition,
      fromStatus: seen.status,
      toStatus: to,
      actorId: null,
      createdAt: now,
    },
  });
  return notifyApplicationEvent(tx, { event: transition, applicationId: seen.applicationId, baseUrl });
}

/** The cascade of an accept: every other pending application of the person, whoever sent or received it. */
async function renderOtherApplicationsObsolete(tx: TransactionClient, accepted: Received, options: TransitionOptions): Promise<string[]> {
  const others = await tx.jobApplication.findMany({
    where: { candidateId: accepted.candidateId, id: { not: accepted.id }, status: { in: [...PENDING_STATUSES] } },
    select: { id: true, status: true },
    orderBy: { createdAt: "asc" },
  });
  const emailIds: string[] = [];
  for (const other of others) {
    const written = await runSystemTransition(
      tx,
      { applicationId: other.id, status: other.status },
      "render_obsolete",
      { data: {}, event: {} },
      options,
    );
    if (written) emailIds.push(...written);
  }
  return emailIds;
}

const orNull = (value: string | undefined) => value?.trim() || null;
// The schemas only let real calendar dates through.
const toDate = (value: string) => parseCalendarDate(value)!;

/** "J'étudie la candidature": the member becomes the handler; nobody is emailed (FAQ). */
export function processApplication(ctx: MemberContext, input: ProcessInput, options: TransitionOptions) {
  return runTransition(ctx, input, "process", { data: { handlerId: ctx.userId, processedAt: new Date() }, event: {} }, options);
}

export function postponeApplication(ctx: MemberContext, input: PostponeInput, options: TransitionOptions) {
  const answer = orNull(input.answerToCandidate);
  return runTransition(ctx, input, "postpone", { data: { answerToCandidate: answer }, event: { message: answer } }, options);
}

export async function acceptApplication(ctx: MemberContext, input: AcceptInput, options: TransitionOptions): Promise<TransitionResult> {
  // "Poste retenu": one of this employer's jobs, open or closed (lib/access.ts); any other id is
  // not found. Jobs are never deleted nor moved, so reading it before the transaction is enough.
  const hireable = manageableJobsWhere(ctx);
  const hiredJob =
    input.hiredJobId && hireable
      ? await prisma.jobDescription.findFirst({ where: { AND: [{ id: input.hiredJobId }, hireable] }, select: { id: true } })
      : null;
  if (input.hiredJobId && !hiredJob) return NOT_FOUND;
  const answer = orNull(input.answerToCandidate);
  const hiringStartDate = toDate(input.hiringStartDate);
  const hiringEndDate = input.hiringEndDate ? toDate(input.hiringEndDate) : null;
  return runTransition(
    ctx,
    input,
    "accept",
    {
      // An earlier refusal no longer describes the application.
      data: {
        answerToCandidate: answer,
        hiringStartDate,
        hiringEndDate,
        hiredJobId: hiredJob?.id ?? null,
        refusalReason: null,
        answerToPrescriber: null,
      },
      event: { message: answer, hiringStartDate, hiringEndDate },
    },
    options,
  );
}

export function refuseApplication(ctx: MemberContext, input: RefuseInput, options: TransitionOptions) {
  const answer = orNull(input.answerToCandidate);
  const privateMessage = orNull(input.answerToPrescriber);
  return runTransition(
    ctx,
    input,
    "refuse",
    {
      data: {
        refusalReason: input.refusalReason,
        answerToCandidate: answer,
        answerToPrescriber: privateMessage,
        hiringStartDate: null,
        hiringEndDate: null,
      },
      event: { refusalReason: input.refusalReason, message: answer, privateMessage },
    },
    options,
  );
}

/** "Annuler l'embauche": the hiring dates stay on the row, as a record of what was planned. */
export function cancelApplication(ctx: MemberContext, input: CancelInput, options: TransitionOptions) {
  const reason = orNull(input.cancellationReason);
  return runTransition(ctx, input, "cancel", { data: {}, event: { message: reason }, cancellationReason: reason }, options);
}

/**
 * "Je prends en charge": a colleague becomes the handler of an application under study. Not a
 * status move (lib/status.ts has no PROCESSING → PROCESSING transition), but logged like one.
 * Already the handler: nothing to do, and nothing is logged.
 */
export async function takeOverApplication(ctx: MemberContext, input: TakeOverInput): Promise<TransitionResult> {
  return writeTransaction(async (tx) => {
    const application = await findDecidable(tx, ctx, input.applicationId);
    if (!application) return NOT_FOUND;
    if (!canTakeOver(input.status, "employer")) return refusal(tx, input.status, application.id);

    const { count } = await tx.jobApplication.updateMany({
      where: { id: application.id, status: input.status, OR: [{ handlerId: null }, { handlerId: { not: ctx.userId } }] },
      data: { handlerId: ctx.userId },
    });
    if (count !== 1) {
      const status = await currentStatus(tx, application.id);
      return status === input.status ? ({ ok: true, emailIds: [] } as const) : ({ error: "stale", status } as const);
    }
    await tx.applicationEvent.create({
      data: {
        applicationId: application.id,
        transition: TAKE_OVER.name,
        fromStatus: input.status,
        toStatus: input.status,
        actorId: ctx.userId,
      },
    });
    return { ok: true, emailIds: [] } as const;
  });
}
