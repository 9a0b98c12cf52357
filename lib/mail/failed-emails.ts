import "server-only";
import { prisma } from "@/lib/db";
import type { MemberContext } from "@/lib/auth/guards";
import { mayManageFailedEmails, visibleEmailsWhere } from "@/lib/access";
import { readDeliveryPause } from "@/lib/mail/delivery-state";

/**
 * "E-mails non remis": the outbox rows the sender gave up on (FAILED), shown to the admins of the
 * organisations they concern, who may queue them again.
 */

const LIST_LIMIT = 100;

type AdminScope = Pick<MemberContext, "organizationId" | "organizationKind" | "role">;

export async function listFailedEmails(ctx: AdminScope) {
  if (!mayManageFailedEmails(ctx)) return null;
  return prisma.outboxEmail.findMany({
    where: { AND: [{ status: "FAILED" }, await visibleEmailsWhere(ctx)] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LIST_LIMIT,
    select: {
      id: true,
      to: true,
      subject: true,
      template: true,
      attempts: true,
      error: true,
      createdAt: true,
      applicationId: true,
      bodyPurgedAt: true,
    },
  });
}

/**
 * Since when sending is paused by a configuration error (lib/mail/sender.ts), for the banner of
 * "E-mails non remis"; null when it is not, or for someone who may not see that page.
 */
export async function readSendingPause(ctx: AdminScope): Promise<Date | null> {
  if (!mayManageFailedEmails(ctx)) return null;
  return (await readDeliveryPause(prisma))?.pausedAt ?? null;
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
  if (!mayManageFailedEmails(ctx)) return { error: "not_found" };
  // Scoped without the status, so that a row of ours already queued again answers "not_failed".
  const visible = await prisma.outboxEmail.findFirst({
    where: { AND: [{ id }, await visibleEmailsWhere(ctx)] },
    select: { id: true, bodyPurgedAt: true },
  });
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
      // Sent alone or in a new batch: the old batch is long gone.
      batchKey: null,
    },
  });
  return count === 1 ? { ok: true, emailIds: [id] } : { error: "not_failed" };
}
