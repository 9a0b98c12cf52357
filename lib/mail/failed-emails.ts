import "server-only";
import { prisma } from "@/lib/db";
import type { MemberContext } from "@/lib/auth/guards";
import { visibleApplicationsWhere } from "@/lib/applications/queries";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * "E-mails non remis": the outbox rows the sender gave up on (FAILED), shown to the admins of the
 * organisations they concern, who may queue them again.
 */

const LIST_LIMIT = 100;

type AdminScope = Pick<MemberContext, "organizationId" | "organizationKind" | "role">;

/**
 * The outbox rows that concern the organisation: the emails about its applications to the candidate
 * or to its own people, and its people's emails tied to no application (sign-in links). An email
 * about an application to someone of the other organisation (e.g. the employer's team, seen from
 * the prescriber) is that organisation's business: it is not listed, nor is an email about another
 * organisation's application to one of our people who also belongs there.
 */
async function concernsOrganizationWhere(ctx: AdminScope): Promise<Prisma.OutboxEmailWhereInput> {
  // OutboxEmail.userId has no relation to User: read the active members first (an organisation is small).
  const members = await prisma.membership.findMany({
    where: { organizationId: ctx.organizationId, isActive: true },
    select: { userId: true },
  });
  const memberIds = members.map((member) => member.userId);
  const application = visibleApplicationsWhere(ctx);
  return {
    OR: [
      { userId: null, application },
      { userId: { in: memberIds }, OR: [{ applicationId: null }, { application }] },
    ],
  };
}

export async function listFailedEmails(ctx: AdminScope) {
  if (ctx.role !== "ADMIN") return null;
  return prisma.outboxEmail.findMany({
    where: { AND: [{ status: "FAILED" }, await concernsOrganizationWhere(ctx)] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LIST_LIMIT,
    select: { id: true, to: true, subject: true, template: true, attempts: true, error: true, createdAt: true, applicationId: true, bodyPurgedAt: true },
  });
}

export type FailedEmail = NonNullable<Awaited<ReturnType<typeof listFailedEmails>>>[number];

export type RetryFailedEmailResult = { ok: true; emailIds: string[] } | { error: "not_found" | "not_failed" | "purged" };

/**
 * Queues a FAILED row again: the caller delivers `emailIds` after the write (deliverAfterCommit),
 * and the sweep picks it up otherwise. Outside the organisation's scope, or for a non-admin, the
 * row is "not found" and nothing is written; a row no longer FAILED (retried meanwhile) is a no-op,
 * and so is a row whose body the retention job emptied (lib/mail/retention.ts): nothing left to send.
 */
export async function retryFailedEmail(ctx: AdminScope, id: string): Promise<RetryFailedEmailResult> {
  if (ctx.role !== "ADMIN") return { error: "not_found" };
  // Scoped without the status, so that a row of ours already queued again answers "not_failed".
  const visible = await prisma.outboxEmail.findFirst({ where: { AND: [{ id }, await concernsOrganizationWhere(ctx)] }, select: { id: true, bodyPurgedAt: true } });
  if (!visible) return { error: "not_found" };
  if (visible.bodyPurgedAt) return { error: "purged" };

  const { count } = await prisma.outboxEmail.updateMany({
    // The status in the where: two admins clicking at once queue the row once.
    where: { id, status: "FAILED", bodyPurgedAt: null },
    data: {
      status: "PENDING",
      // attempts back to 0: the row gets the whole retry policy of delivery-policy.ts again, and
      // the sender claims it right away. The idempotency key is kept on purpose: if an earlier
      // attempt did reach Resend (a timeout), Resend still deduplicates it within its 24 h window.
      attempts: 0,
      nextAttemptAt: new Date(),
      lockedUntil: null,
      error: null,
    },
  });
  return count === 1 ? { ok: true, emailIds: [id] } : { error: "not_failed" };
}
