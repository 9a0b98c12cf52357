import "server-only";
import { Resend } from "resend";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";

const CLAIM_MS = 60_000;

/**
 * Delivers outbox rows through Resend. Without RESEND_API_KEY nothing is sent: rows stay in the
 * outbox, where /dev/mails shows them. A row is claimed by a conditional update first, so two
 * senders never deliver the same row; Resend's idempotency key covers a crash after sending.
 */
export async function deliverEmails(ids: string[]): Promise<void> {
  if (!env.sendsRealEmail || ids.length === 0) return;
  const resend = new Resend(env.RESEND_API_KEY);
  for (const id of ids) {
    const now = new Date();
    const claimed = await prisma.outboxEmail.updateMany({
      where: { id, status: "PENDING", OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
      data: { lockedUntil: new Date(now.getTime() + CLAIM_MS), attempts: { increment: 1 } },
    });
    if (claimed.count !== 1) continue;
    const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { id } });
    const { data, error } = await resend.emails.send(
      { from: env.EMAIL_FROM, to: row.to, subject: row.subject, html: row.html, text: row.text, replyTo: env.EMAIL_REPLY_TO },
      { idempotencyKey: row.idempotencyKey },
    );
    await prisma.outboxEmail.update({
      where: { id },
      data: error
        ? { status: "FAILED", error: `${error.name}: ${error.message}`, lockedUntil: null }
        : { status: "SENT", providerId: data?.id ?? null, sentAt: new Date(), lockedUntil: null, error: null },
    });
  }
}
