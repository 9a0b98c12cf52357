import "server-only";
import { after } from "next/server";
import { Resend } from "resend";
import { prisma, sqlTimestamp as ts, type PrismaClient } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { backoffDelayMs, describeError, isRetryable, MAX_ATTEMPTS, retryAfterMs, type ProviderError } from "./delivery-policy";
import { redactSecretLinks } from "./redaction";
import { MINUTE_MS, SECOND_MS } from "@/lib/time";

/**
 * Delivers outbox rows through Resend (DESIGN §5). Without RESEND_API_KEY nothing is sent: rows
 * stay PENDING in the outbox, where /dev/mails shows them.
 *
 * Exactly once: a row is claimed by one sender only (an UPDATE over `FOR UPDATE SKIP LOCKED`, with
 * a lease in lockedUntil so a crashed sender's claim expires), and every attempt of a row carries
 * the same Resend idempotency key, so a retry after a lost answer is not sent twice either.
 *
 * Once SENT, the row keeps no usable link: the same UPDATE that records the delivery removes the
 * sign-in or candidate link from its body (lib/mail/redaction.ts). PENDING and FAILED rows keep
 * theirs: nobody received them yet, and "Renvoyer" sends the same message again.
 */

// The lease must outlast one HTTP call, or another sender could take the row over mid-send.
const CLAIM_MS = MINUTE_MS;
const SEND_TIMEOUT_MS = 20 * SECOND_MS;
const BATCH_SIZE = 20;

export interface DeliveryOptions {
  /** Clock of the claims and backoff; tests move it forward instead of waiting. */
  now?: () => Date;
  /** Another client (a second "instance" in tests); defaults to the app's. */
  db?: PrismaClient;
}

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
}

interface ClaimedRow {
  id: string;
  to: string;
  template: string;
  subject: string;
  text: string;
  html: string;
  idempotencyKey: string;
  attempts: number;
}

export function isDeliveryEnabled(): boolean {
  return env.sendsRealEmail;
}

async function claim(db: PrismaClient, now: Date, scope: { ids: string[] } | { limit: number }): Promise<ClaimedRow[]> {
  const filter =
    "ids" in scope
      ? // Right after the commit: fresh rows only; a row already in backoff waits for the sweep.
        Prisma.sql`"id" = ANY(${scope.ids}) AND ("attempts" = 0 OR "nextAttemptAt" <= ${ts(now)})`
      : Prisma.sql`"nextAttemptAt" <= ${ts(now)}`;
  const limit = "ids" in scope ? scope.ids.length : scope.limit;
  return db.$queryRaw<ClaimedRow[]>`
    UPDATE "OutboxEmail"
    SET "lockedUntil" = ${ts(new Date(now.getTime() + CLAIM_MS))}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "OutboxEmail"
      WHERE "status" = 'PENDING' AND "bodyPurgedAt" IS NULL AND ("lockedUntil" IS NULL OR "lockedUntil" < ${ts(now)}) AND ${filter}
      ORDER BY "nextAttemptAt", "id"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "to", "template", "subject", "text", "html", "idempotencyKey", "attempts"`;
}

async function send(resend: Resend, row: ClaimedRow) {
  try {
    return await resend.emails.send(
      {
        from: env.EMAIL_FROM,
        to: row.to,
        subject: row.subject,
        html: row.html,
        text: row.text,
        ...(env.EMAIL_REPLY_TO ? { replyTo: env.EMAIL_REPLY_TO } : {}),
      },
      { idempotencyKey: row.idempotencyKey, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) },
    );
  } catch (error) {
    // The SDK answers errors as values; anything thrown is treated as a network failure.
    const providerError: ProviderError = {
      statusCode: null,
      name: "application_error",
      message: error instanceof Error ? error.message : String(error),
    };
    return { data: null, error: providerError, headers: null };
  }
}

async function deliverRow(db: PrismaClient, resend: Resend, row: ClaimedRow, clock: () => Date): Promise<keyof DeliveryReport> {
  const { data, error, headers } = await send(resend, row);
  // status: PENDING in the where: never overwrite a row someone else settled meanwhile.
  const settle = (update: Prisma.OutboxEmailUpdateManyMutationInput) =>
    db.outboxEmail.updateMany({ where: { id: row.id, status: "PENDING" }, data: { lockedUntil: null, ...update } });

  if (!error) {
    const text = redactSecretLinks(row.text);
    const html = redactSecretLinks(row.html);
    const redacted = text !== row.text || html !== row.html;
    await settle({
      status: "SENT",
      providerId: data?.id ?? null,
      sentAt: clock(),
      error: null,
      ...(redacted ? { text, html, bodyRedactedAt: clock() } : {}),
    });
    return "sent";
  }
  const message = describeError(error);
  if (isRetryable(error) && row.attempts < MAX_ATTEMPTS) {
    const delay = retryAfterMs(headers) ?? backoffDelayMs(row.attempts);
    await settle({ error: message, nextAttemptAt: new Date(clock().getTime() + delay) });
    console.warn(
      `[outbox] email ${row.id} (${row.template}): attempt ${row.attempts} failed, retry in ${Math.round(delay / 1000)} s — ${message}`,
    );
    return "retried";
  }
  await settle({ status: "FAILED", error: message });
  console.error(`[outbox] email ${row.id} (${row.template}) FAILED after ${row.attempts} attempt(s) — ${message}`);
  return "failed";
}

async function deliverClaimed(db: PrismaClient, rows: ClaimedRow[], clock: () => Date, report: DeliveryReport) {
  if (rows.length === 0) return;
  // Built per run: the SDK reads RESEND_BASE_URL when constructed.
  const resend = new Resend(env.RESEND_API_KEY);
  for (const row of rows) report[await deliverRow(db, resend, row, clock)] += 1;
}

const emptyReport = (): DeliveryReport => ({ sent: 0, retried: 0, failed: 0 });

/** Delivers the given rows now (those no other sender holds). A no-op without a Resend key. */
export async function deliverEmails(ids: string[], options: DeliveryOptions = {}): Promise<DeliveryReport> {
  const report = emptyReport();
  if (!isDeliveryEnabled() || ids.length === 0) return report;
  const db = options.db ?? prisma;
  const clock = options.now ?? (() => new Date());
  await deliverClaimed(db, await claim(db, clock(), { ids: [...new Set(ids)] }), clock, report);
  return report;
}

/**
 * The sweep: delivers every due PENDING row — left by a restart, an outage, a retry whose time
 * has come — batch after batch until none is due. Safe to run in several processes at once.
 */
export async function deliverDueEmails(
  options: DeliveryOptions & { batchSize?: number; maxBatches?: number } = {},
): Promise<DeliveryReport> {
  const report = emptyReport();
  if (!isDeliveryEnabled()) return report;
  const db = options.db ?? prisma;
  const clock = options.now ?? (() => new Date());
  for (let batch = 0; batch < (options.maxBatches ?? 50); batch++) {
    const rows = await claim(db, clock(), { limit: options.batchSize ?? BATCH_SIZE });
    if (rows.length === 0) break;
    await deliverClaimed(db, rows, clock, report);
  }
  return report;
}

/**
 * For server actions, after their transaction committed: delivers the emails once the response
 * is sent (Next's after()), so the user does not wait for Resend. Outside a request (scripts,
 * tests) it falls back to a promise nobody awaits. Failures are left to the sweep.
 */
export function deliverAfterCommit(ids: string[]): void {
  if (!isDeliveryEnabled() || ids.length === 0) return;
  const task = () =>
    deliverEmails(ids).then(
      () => undefined,
      (error: unknown) => console.error("[outbox] delivery after commit failed; the sweep will retry", error),
    );
  try {
    after(task);
  } catch {
    void task();
  }
}
