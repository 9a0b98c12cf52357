import "server-only";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { readDeliveryPause } from "@/lib/mail/delivery-state";
import { SIGN_IN_RETRY_WINDOW_MS } from "@/lib/mail/delivery-policy";
import { SECOND_MS } from "@/lib/time";

export interface OutboxHealth {
  /** Whether e-mails are sent (a Resend key is set) or only kept (development, /dev/mails). */
  sending: boolean;
  pending: number;
  /** Age of the oldest PENDING e-mail still worth sending, in seconds (0 when none). */
  lagSeconds: number;
  paused: boolean;
  pausedSince: string | null;
}

/**
 * For load balancers and monitoring (GET /api/health): counts and ages only, never an address,
 * a subject or Resend's message. Throws when the database does not answer.
 */
export async function outboxHealth(now = new Date()): Promise<OutboxHealth> {
  // An expired sign-in e-mail is never sent (lib/mail/sender.ts): it would hold the lag up for nothing.
  const worthSending = {
    status: "PENDING" as const,
    bodyPurgedAt: null,
    OR: [{ template: { not: "sign_in" } }, { createdAt: { gt: new Date(now.getTime() - SIGN_IN_RETRY_WINDOW_MS) } }],
  };
  const [pending, oldest, pause] = await Promise.all([
    prisma.outboxEmail.count({ where: worthSending }),
    prisma.outboxEmail.findFirst({ where: worthSending, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
    readDeliveryPause(prisma),
  ]);
  return {
    sending: env.sendsRealEmail,
    pending,
    lagSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.createdAt.getTime()) / SECOND_MS)) : 0,
    paused: pause !== null,
    pausedSince: pause?.pausedAt.toISOString() ?? null,
  };
}
