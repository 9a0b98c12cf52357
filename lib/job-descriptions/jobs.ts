import "server-only";
import { prisma, queryRowsDirect, withPreparedStatements, writeTransaction } from "@/lib/db";
import { readRowsDirect } from "@/lib/read-db";
import type { MemberContext } from "@/lib/auth/guards";
import { manageableEmployerWhere, manageableJobsWhere, visibleJobsSql, visibleJobsWhere, type AccessScope } from "@/lib/access";
import { Prisma } from "@/lib/generated/prisma/client";
import { JOB_FIELD_LABELS, type JobChangeAction, type JobField } from "@/lib/job-descriptions/vocabulary";
import type { JobDescriptionInput, SetJobOpenInput, SetSpontaneousOpenInput, UpdateJobInput } from "@/lib/job-descriptions/validation";

/**
 * "Fiches de poste" (issue 13): an employer's jobs and its spontaneous switch. Every write checks
 * the member through lib/access.ts and logs a JobChange in the same transaction, so the history
 * every member reads is never behind the jobs themselves.
 */
type Member = Pick<MemberContext, "userId" | "organizationId" | "organizationKind">;
export type JobWriteResult = { ok: true; jobId: string } | { error: "not_found" };
/** An edit also says whether it changed anything: saving an untouched form logs nothing, and says so. */
export type JobUpdateResult = { ok: true; jobId: string; changed: boolean } | { error: "not_found" };

export const jobSelect = {
  id: true,
  title: true,
  contractType: true,
  city: true,
  department: true,
  weeklyHours: true,
  positions: true,
  description: true,
  isOpen: true,
  updatedAt: true,
} satisfies Prisma.JobDescriptionSelect;
export type JobRow = Prisma.JobDescriptionGetPayload<{ select: typeof jobSelect }>;

/**
 * The organisation's jobs, open ones first, then by title. Empty for a prescriber. Prepared: an
 * organisation has a few jobs. Straight from the driver: the application's page reads them on every
 * view, for "Poste retenu" (issue 12).
 */
export async function listJobs(scope: AccessScope): Promise<JobRow[]> {
  const visible = visibleJobsSql(scope);
  if (!visible) return [];
  return withPreparedStatements(() =>
    queryRowsDirect<JobRow>(
      Prisma.sql`SELECT id, title, "contractType"::text AS "contractType", city, department, "weeklyHours", positions, description, "isOpen", "updatedAt"
        FROM "JobDescription" WHERE ${visible} ORDER BY "isOpen" DESC, title, id`,
    ),
  );
}

export type JobChoice = Pick<JobRow, "id" | "title" | "isOpen">;

/** The "Poste" filter of "Candidatures reçues": listJobs' jobs and order, only what the select shows, straight from the driver. */
export async function listJobChoices(scope: AccessScope): Promise<JobChoice[]> {
  const visible = visibleJobsSql(scope);
  if (!visible) return [];
  return withPreparedStatements(() =>
    readRowsDirect<JobChoice>(
      Prisma.sql`SELECT id, title, "isOpen" FROM "JobDescription" WHERE ${visible} ORDER BY "isOpen" DESC, title, id`,
    ),
  );
}

export async function getJob(scope: AccessScope, jobId: string): Promise<JobRow | null> {
  const where = visibleJobsWhere(scope);
  if (!where) return null;
  return prisma.jobDescription.findFirst({ where: { AND: [{ id: jobId }, where] }, select: jobSelect });
}

export async function spontaneousApplicationsOpen(scope: AccessScope): Promise<boolean> {
  const row = await prisma.organization.findUnique({ where: { id: scope.organizationId }, select: { spontaneousApplicationsOpen: true } });
  return row?.spontaneousApplicationsOpen ?? false;
}

export const JOB_HISTORY_LIMIT = 50;

/** "Historique des modifications": who changed what and when, newest first. */
export async function listJobChanges(scope: AccessScope) {
  if (!visibleJobsWhere(scope)) return [];
  return prisma.jobChange.findMany({
    where: { organizationId: scope.organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: JOB_HISTORY_LIMIT,
    select: {
      id: true,
      action: true,
      changes: true,
      createdAt: true,
      actor: { select: { firstName: true, lastName: true, email: true } },
      jobDescription: { select: { id: true, title: true } },
    },
  });
}

export async function createJob(ctx: Member, input: JobDescriptionInput): Promise<JobWriteResult> {
  const allowed = manageableEmployerWhere(ctx);
  if (!allowed) return { error: "not_found" };
  return writeTransaction(async (tx) => {
    if (!(await tx.organization.findFirst({ where: allowed, select: { id: true } }))) return { error: "not_found" } as const;
    const job = await tx.jobDescription.create({ data: { ...input, organizationId: ctx.organizationId }, select: { id: true } });
    await logChange(tx, ctx, "created", job.id);
    return { ok: true, jobId: job.id } as const;
  });
}

export async function updateJob(ctx: Member, input: UpdateJobInput): Promise<JobUpdateResult> {
  const allowed = manageableJobsWhere(ctx);
  if (!allowed) return { error: "not_found" };
  const { jobId, ...values } = input;
  return writeTransaction(async (tx) => {
    const [before] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "JobDescription" WHERE id = ${jobId} FOR UPDATE`;
    const job = before && (await tx.jobDescription.findFirst({ where: { AND: [{ id: jobId }, allowed] }, select: jobSelect }));
    if (!job) return { error: "not_found" } as const;
    const changes = (Object.keys(JOB_FIELD_LABELS) as JobField[])
      .filter((field) => job[field] !== values[field])
      .map((field) => ({ field, from: job[field], to: values[field] }));
    if (changes.length === 0) return { ok: true, jobId, changed: false } as const;
    await tx.jobDescription.update({ where: { id: jobId }, data: values });
    await logChange(tx, ctx, "updated", jobId, changes);
    return { ok: true, jobId, changed: true } as const;
  });
}

/**
 * "Recrutement ouvert / fermé". The row lock makes a close wait for the sends that hold the job
 * (FOR SHARE in lib/applications/send.ts), and every later send see it closed.
 */
export async function setJobOpen(ctx: Member, input: SetJobOpenInput): Promise<JobWriteResult> {
  const allowed = manageableJobsWhere(ctx);
  if (!allowed) return { error: "not_found" };
  return writeTransaction(async (tx) => {
    const { count } = await tx.jobDescription.updateMany({
      where: { AND: [{ id: input.jobId }, allowed, { isOpen: !input.open }] },
      data: { isOpen: input.open },
    });
    if (count === 0) {
      // Already in that state (a colleague, a double click): nothing to log.
      const exists = await tx.jobDescription.findFirst({ where: { AND: [{ id: input.jobId }, allowed] }, select: { id: true } });
      return exists ? ({ ok: true, jobId: input.jobId } as const) : ({ error: "not_found" } as const);
    }
    await logChange(tx, ctx, input.open ? "opened" : "closed", input.jobId);
    return { ok: true, jobId: input.jobId } as const;
  });
}

export async function setSpontaneousOpen(ctx: Member, input: SetSpontaneousOpenInput): Promise<{ ok: true } | { error: "not_found" }> {
  const allowed = manageableEmployerWhere(ctx);
  if (!allowed) return { error: "not_found" };
  return writeTransaction(async (tx) => {
    const { count } = await tx.organization.updateMany({
      where: { AND: [allowed, { spontaneousApplicationsOpen: !input.open }] },
      data: { spontaneousApplicationsOpen: input.open },
    });
    if (count === 0) {
      const exists = await tx.organization.findFirst({ where: allowed, select: { id: true } });
      return exists ? ({ ok: true } as const) : ({ error: "not_found" } as const);
    }
    await logChange(tx, ctx, input.open ? "spontaneous_opened" : "spontaneous_closed", null);
    return { ok: true } as const;
  });
}

async function logChange(
  tx: Prisma.TransactionClient,
  ctx: Member,
  action: JobChangeAction,
  jobDescriptionId: string | null,
  changes?: { field: JobField; from: string | number; to: string | number }[],
) {
  await tx.jobChange.create({
    data: { organizationId: ctx.organizationId, actorId: ctx.userId, action, jobDescriptionId, changes: changes ?? undefined },
  });
}
