import "server-only";
import { sqlTimestamp as ts, writeTransaction, type PrismaClient, type TransactionClient } from "@/lib/db";
import { env } from "@/lib/env";
import { lockCandidate } from "@/lib/applications/candidate-lock";
import { runSystemTransition } from "@/lib/applications/transitions";
import { parseCalendarDate } from "@/lib/calendar-date";
import type { Job } from "@/lib/jobs/types";
import { dayAt, startOfDay } from "@/lib/jobs/day";
import { enqueueEmails, type OutboxEntry } from "@/lib/mail/outbox";
import { renderAutoRefusalWarning } from "@/lib/mail/templates";
import {
  AUTO_REFUSAL_REASON,
  AUTO_REFUSAL_WARNING_DAYS,
  DIGEST_NOTIFICATIONS,
  STATUS_GROUPS,
  TRANSITIONS,
  autoRefusalAnswer,
  formatWait,
  type ApplicationStatus,
} from "@/lib/status";
import { applicationPath, ROUTES } from "@/lib/routes";
import { DAY_MS } from "@/lib/time";

/**
 * The automatic refusal (issue 10), two daily jobs:
 * - "auto-refusal-warning": an application NEW or PROCESSING whose status has not changed for
 *   AUTO_REFUSAL_DAYS − 15 days is listed, once, in an e-mail to each member of the employer team
 *   (autoRefusalWarnedAt records it; a status change starts a new wait, with a new warning);
 * - "auto-refusal": one whose status has not changed for AUTO_REFUSAL_DAYS is declined by the
 *   system, reason AUTO, with the standard answer — but never less than 15 days after its warning,
 *   so that a team always has its 15 days even after the worker was down or the feature arrived.
 * Both draw their lines from the start of the day they run for: a second run changes nothing more.
 */

/** The statuses that wait for an answer: POSTPONED is one already. */
const UNANSWERED: readonly ApplicationStatus[] = TRANSITIONS.auto_refuse.from;

export interface AutoRefusalOptions {
  days?: number;
  baseUrl?: string;
}

const warnAfterDays = (days: number) => days - AUTO_REFUSAL_WARNING_DAYS;

/** The first day whose start (midnight in Paris) is at or after `instant`, as a date at UTC midnight. */
function firstDayFrom(instant: Date): Date {
  const day = dayAt(instant);
  const date = parseCalendarDate(day)!;
  return startOfDay(day).getTime() >= instant.getTime() ? date : new Date(date.getTime() + DAY_MS);
}

/**
 * The day the "auto-refusal" job will decline this application, from the day its team was warned:
 * its wait over, and 15 days after the warning. Null when none is due: answered (POSTPONED or
 * decided), or not warned since its last status change. The warning e-mail and the application's
 * page both say it, so they give the same day as the job.
 *
 * Never a day before `now`'s: if the job could not run that day (worker down, every retry
 * failed), its next run declines the application, and a page must not announce a past day.
 */
export function autoRefusalDay(
  application: { status: ApplicationStatus; statusChangedAt: Date; autoRefusalWarnedAt: Date | null },
  days: number = env.AUTO_REFUSAL_DAYS,
  now: Date = new Date(),
): Date | null {
  const { status, statusChangedAt, autoRefusalWarnedAt: warnedAt } = application;
  if (!UNANSWERED.includes(status) || !warnedAt || warnedAt < statusChangedAt) return null;
  const due = firstDayFrom(
    new Date(Math.max(statusChangedAt.getTime() + days * DAY_MS, warnedAt.getTime() + AUTO_REFUSAL_WARNING_DAYS * DAY_MS)),
  );
  const today = parseCalendarDate(dayAt(now))!;
  return due < today ? today : due;
}

/** Lists the applications whose wait is nearly over, once each, to the employer teams. */
export async function warnOfAutoRefusal(db: PrismaClient, asOf: Date, options: AutoRefusalOptions = {}) {
  const days = options.days ?? env.AUTO_REFUSAL_DAYS;
  const baseUrl = options.baseUrl ?? env.appUrl;
  const cutoff = new Date(asOf.getTime() - warnAfterDays(days) * DAY_MS);
  const employers = await db.$queryRaw<{ employerOrganizationId: string }[]>`
    SELECT DISTINCT "employerOrganizationId" FROM "JobApplication"
    WHERE "status"::text = ANY(${UNANSWERED as string[]}::text[]) AND "statusChangedAt" <= ${ts(cutoff)}
      AND ("autoRefusalWarnedAt" IS NULL OR "autoRefusalWarnedAt" < "statusChangedAt")`;

  let applications = 0;
  let emails = 0;
  for (const { employerOrganizationId } of employers) {
    // One transaction per employer: the applications are marked if and only if the e-mails exist.
    const written = await writeTransaction((tx) => warnEmployer(tx, { employerOrganizationId, asOf, cutoff, days, baseUrl }), db);
    applications += written.applications;
    emails += written.emails;
  }
  return { employersWarned: employers.length, applicationsListed: applications, warningEmails: emails };
}

async function warnEmployer(
  tx: TransactionClient,
  input: { employerOrganizationId: string; asOf: Date; cutoff: Date; days: number; baseUrl: string },
) {
  // The UPDATE is the claim: a run for the same day, or a concurrent one, finds nothing left.
  const marked = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "JobApplication" SET "autoRefusalWarnedAt" = ${ts(input.asOf)}
    WHERE "employerOrganizationId" = ${input.employerOrganizationId}
      AND "status"::text = ANY(${UNANSWERED as string[]}::text[]) AND "statusChangedAt" <= ${ts(input.cutoff)}
      AND ("autoRefusalWarnedAt" IS NULL OR "autoRefusalWarnedAt" < "statusChangedAt")
    RETURNING "id"`;
  if (marked.length === 0) return { applications: 0, emails: 0 };

  const employer = await tx.organization.findUniqueOrThrow({
    where: { id: input.employerOrganizationId },
    select: {
      name: true,
      memberships: { where: { isActive: true }, orderBy: { createdAt: "asc" }, select: { user: { select: { id: true, email: true } } } },
    },
  });
  const rows = await tx.jobApplication.findMany({
    where: { id: { in: marked.map((row) => row.id) } },
    orderBy: [{ statusChangedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      status: true,
      jobTitle: true,
      createdAt: true,
      statusChangedAt: true,
      candidateProfile: { select: { firstName: true, lastName: true } },
      senderOrganization: { select: { name: true } },
    },
  });
  const applications = rows.map((row) => ({
    candidate: row.candidateProfile,
    prescriberOrganization: row.senderOrganization.name,
    jobTitle: row.jobTitle,
    sentAt: parseCalendarDate(dayAt(row.createdAt))!,
    // Marked just above as warned at asOf.
    refusalDay: autoRefusalDay({ ...row, autoRefusalWarnedAt: input.asOf }, input.days, input.asOf)!,
    url: `${input.baseUrl}${applicationPath(row.id)}`,
  }));
  const kind = DIGEST_NOTIFICATIONS.autoRefusalWarning.employerTeam;
  const switchedOff = new Set(
    (
      await tx.notificationPreference.findMany({
        where: { kind, enabled: false, userId: { in: employer.memberships.map((m) => m.user.id) } },
        select: { userId: true },
      })
    ).map((pref) => pref.userId),
  );
  const listUrl = `${input.baseUrl}${ROUTES.employerApplications}?${STATUS_GROUPS.toProcess.statuses.map((s) => `status=${s}`).join("&")}`;
  const content = renderAutoRefusalWarning({ employer, wait: formatWait(input.days), applications, listUrl });
  const entries: OutboxEntry[] = employer.memberships
    .filter((membership) => !switchedOff.has(membership.user.id))
    .map((membership) => ({ to: membership.user.email, template: kind, userId: membership.user.id, ...content }));
  await enqueueEmails(tx, entries);
  return { applications: marked.length, emails: entries.length };
}

const REFUSAL_BATCH = 200;

/** Declines, as the system, the applications left unanswered whose warning is at least 15 days old. */
export async function refuseUnansweredApplications(db: PrismaClient, asOf: Date, options: AutoRefusalOptions = {}) {
  const days = options.days ?? env.AUTO_REFUSAL_DAYS;
  const baseUrl = options.baseUrl ?? env.appUrl;
  const cutoff = new Date(asOf.getTime() - days * DAY_MS);
  const warnedBy = new Date(asOf.getTime() - AUTO_REFUSAL_WARNING_DAYS * DAY_MS);
  const due = (tx: Pick<PrismaClient, "$queryRaw">, after: string, only: string | null) => tx.$queryRaw<
    { id: string; candidateId: string; status: ApplicationStatus }[]
  >`
    SELECT "id", "candidateId", "status"::text AS "status" FROM "JobApplication"
    WHERE "status"::text = ANY(${UNANSWERED as string[]}::text[]) AND "statusChangedAt" <= ${ts(cutoff)}
      AND "autoRefusalWarnedAt" >= "statusChangedAt" AND "autoRefusalWarnedAt" <= ${ts(warnedBy)}
      AND "id" > ${after} AND (${only}::text IS NULL OR "id" = ${only})
    ORDER BY "id" LIMIT ${REFUSAL_BATCH}`;

  const answer = autoRefusalAnswer(days);
  let refused = 0;
  let after = "";
  for (;;) {
    const batch = await due(db, after, null);
    for (const candidate of batch) {
      const emailIds = await writeTransaction(async (tx) => {
        await lockCandidate(tx, candidate.candidateId);
        // Read again under the lock: a member may have answered since the batch was read.
        const [still] = await due(tx, "", candidate.id);
        if (!still) return null;
        return runSystemTransition(
          tx,
          { applicationId: still.id, status: still.status },
          "auto_refuse",
          {
            data: {
              refusalReason: AUTO_REFUSAL_REASON,
              answerToCandidate: answer,
              answerToPrescriber: null,
              hiringStartDate: null,
              hiringEndDate: null,
            },
            event: { refusalReason: AUTO_REFUSAL_REASON, message: answer },
          },
          { baseUrl },
        );
      }, db);
      if (emailIds) refused += 1;
    }
    if (batch.length < REFUSAL_BATCH) break;
    after = batch[batch.length - 1]!.id;
  }
  // The e-mails wait in the outbox: the sweep (or /dev/mails) takes them from there.
  return { refused };
}

export const autoRefusalWarningJob: Job = {
  name: "auto-refusal-warning",
  description: "e-mails each employer team, once per application, the applications to be declined automatically in 15 days",
  run: ({ db, asOf }) => warnOfAutoRefusal(db, asOf),
};

export const autoRefusalJob: Job = {
  name: "auto-refusal",
  description: "declines, reason AUTO, the NEW and PROCESSING applications without a status change for AUTO_REFUSAL_DAYS (default 60)",
  run: ({ db, asOf }) => refuseUnansweredApplications(db, asOf),
};
