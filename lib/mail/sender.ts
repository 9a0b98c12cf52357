import "server-only";
import { createHash } from "node:crypto";
import { setTimeout as sleepFor } from "node:timers/promises";
import { after } from "next/server";
import { Resend } from "resend";
import { prisma, sqlTimestamp as ts, type PrismaClient } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  backoffDelayMs,
  classifyError,
  describeError,
  NOTIFICATION_RETRY,
  rateLimitWaitMs,
  retryScheduleOf,
  SIGN_IN_RETRY,
  SIGN_IN_RETRY_WINDOW_MS,
  type ProviderError,
} from "./delivery-policy";
import {
  holdSendingUntil,
  pauseDelivery,
  type DeliveryPause,
  readDeliveryPause,
  recordSendAnswered,
  reserveSendSlot,
  resumeDelivery,
  takePauseLogTurn,
  takeProbeTurn,
} from "./delivery-state";
import { REDACTED_LINK, SECRET_LINK_PATTERN } from "./redaction";
import { MINUTE_MS, SECOND_MS } from "@/lib/time";

/**
 * Delivers outbox rows through Resend (DESIGN §5, README "Envoi des e-mails"). Without
 * RESEND_API_KEY nothing is sent: rows stay PENDING in the outbox, where /dev/mails shows them.
 *
 * - Pace: every request to Resend takes a slot of the shared pace (RESEND_RATE_LIMIT per second,
 *   lib/mail/delivery-state.ts), across all processes; a 429 moves every sender back as Resend says.
 * - Sign-in e-mails, which someone waits for, are claimed first and sent alone (POST /emails, the
 *   row's own idempotency key), retried after 1 s, 2 s, 4 s… Everything else goes by the batch
 *   endpoint, up to 100 per request, permissive: an e-mail Resend rejects fails alone.
 * - Exactly once: a row is claimed by one sender only (an UPDATE over `FOR UPDATE SKIP LOCKED`,
 *   with a lease in lockedUntil, extended when the slot is far off, and checked when the row is
 *   settled). A batch's idempotency key derives from its rows' keys in order, so the same rows
 *   retried together carry the same key, and a retry after a lost answer is not sent twice.
 * - Configuration errors (key, domain, quota) pause the whole outbox: rows stay PENDING without
 *   spending an attempt; a probe a minute tries one e-mail and lifts the pause when it goes through.
 *
 * Once SENT, the row keeps no usable link: the same UPDATE that records the delivery removes the
 * sign-in or candidate link from its body (lib/mail/redaction.ts). PENDING and FAILED rows keep
 * theirs: nobody received them yet, and "Renvoyer" sends the same message again.
 */

// The lease outlasts the wait for the slot plus one HTTP call: another sender cannot take the row mid-send.
const CLAIM_MS = MINUTE_MS;
const SEND_TIMEOUT_MS = 20 * SECOND_MS;
const LEASE_MARGIN_MS = SEND_TIMEOUT_MS + 10 * SECOND_MS;
/** Resend's batch endpoint takes at most 100 e-mails. */
export const BATCH_LIMIT = 100;

export interface DeliveryOptions {
  /** Clock of claims, pace and backoff; tests move it forward instead of waiting. */
  now?: () => Date;
  /** How the sender waits for its slot; tests advance their clock instead. */
  sleep?: (ms: number) => Promise<void>;
  /** The jitter's dice (tests fix it). */
  random?: () => number;
  /** Another client (a second "instance" in tests); defaults to the app's. */
  db?: PrismaClient;
  /** Defaults to RESEND_API_KEY (tests: a rotated key). */
  apiKey?: string;
  /** Requests per second to Resend; defaults to RESEND_RATE_LIMIT. */
  ratePerSecond?: number;
  /** Told after each request to Resend (a batch, or a sign-in alone) what became of its rows. */
  onBatch?: (batch: DeliveryReport) => void;
}

export interface DeliveryReport {
  sent: number;
  /** Transient failures, tried again later. */
  retried: number;
  /** Turned back by a 429: tried again once Resend allows, no attempt spent. */
  rateLimited: number;
  failed: number;
  /** Held back by a configuration error (the outbox is paused), no attempt spent. */
  held: number;
}

interface ClaimedRow {
  id: string;
  to: string;
  template: string;
  subject: string;
  text: string;
  html: string;
  idempotencyKey: string;
  batchKey: string | null;
  attempts: number;
  lockedUntil: Date;
}

interface Run {
  db: PrismaClient;
  clock: () => Date;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  rate: number;
  resend: Resend;
  report: DeliveryReport;
  onBatch?: (batch: DeliveryReport) => void;
}

export function isDeliveryEnabled(): boolean {
  return env.sendsRealEmail;
}

const emptyReport = (): DeliveryReport => ({ sent: 0, retried: 0, rateLimited: 0, failed: 0, held: 0 });

function startRun(options: DeliveryOptions): Run {
  return {
    db: options.db ?? prisma,
    clock: options.now ?? (() => new Date()),
    sleep: options.sleep ?? ((ms) => sleepFor(ms)),
    random: options.random ?? Math.random,
    rate: options.ratePerSecond ?? env.RESEND_RATE_LIMIT,
    // Built per run: the SDK reads RESEND_BASE_URL when constructed.
    resend: new Resend(options.apiKey ?? env.RESEND_API_KEY),
    report: emptyReport(),
    onBatch: options.onBatch,
  };
}

type ClaimScope = { ids: string[] } | { signIn: boolean; limit: number };

async function claim(db: PrismaClient, now: Date, scope: ClaimScope): Promise<ClaimedRow[]> {
  const claimable = Prisma.sql`"status" = 'PENDING' AND "bodyPurgedAt" IS NULL AND ("lockedUntil" IS NULL OR "lockedUntil" < ${ts(now)})
    AND "attempts" < CASE WHEN "template" = 'sign_in' THEN ${SIGN_IN_RETRY.maxAttempts}::int ELSE ${NOTIFICATION_RETRY.maxAttempts}::int END
    AND ("template" <> 'sign_in' OR "createdAt" > ${ts(new Date(now.getTime() - SIGN_IN_RETRY_WINDOW_MS))})`;
  let filter: Prisma.Sql;
  if ("ids" in scope) {
    // Right after the commit: fresh rows only; a row already in backoff waits for the sweep.
    filter = Prisma.sql`"id" = ANY(${scope.ids}) AND ("attempts" = 0 OR "nextAttemptAt" <= ${ts(now)})`;
  } else if (scope.signIn) {
    filter = Prisma.sql`"nextAttemptAt" <= ${ts(now)} AND "template" = 'sign_in'`;
  } else {
    // The rows of a batch that may have gone out come back together (same rows, same key), and alone;
    // the others are batched freely.
    filter = Prisma.sql`"nextAttemptAt" <= ${ts(now)} AND "template" <> 'sign_in'
      AND "batchKey" IS NOT DISTINCT FROM (
        SELECT "batchKey" FROM "OutboxEmail"
        WHERE ${claimable} AND "nextAttemptAt" <= ${ts(now)} AND "template" <> 'sign_in'
        ORDER BY "nextAttemptAt", "id" LIMIT 1
      )`;
  }
  const limit = "ids" in scope ? scope.ids.length : scope.limit;
  const rows = await db.$queryRaw<ClaimedRow[]>`
    UPDATE "OutboxEmail"
    SET "lockedUntil" = ${ts(new Date(now.getTime() + CLAIM_MS))}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "OutboxEmail"
      WHERE ${claimable} AND ${filter}
      ORDER BY "nextAttemptAt", "id"
      LIMIT ${limit}::int
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "to", "template", "subject", "text", "html", "idempotencyKey", "batchKey", "attempts", "lockedUntil"`;
  // RETURNING has no order: the batch key needs one.
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Same rows in the same order, same key: a retried batch is deduplicated by Resend for 24 h. */
export function batchIdempotencyKey(rows: Pick<ClaimedRow, "idempotencyKey">[]): string {
  return `batch-${createHash("sha256")
    .update(rows.map((row) => row.idempotencyKey).join("\n"))
    .digest("hex")}`;
}

/** Settles only rows still PENDING and still under this sender's lease. */
const ours = (rows: ClaimedRow[], lease: Date) => ({
  id: { in: rows.map((row) => row.id) },
  status: "PENDING" as const,
  lockedUntil: lease,
});

async function markSent(run: Run, sent: { row: ClaimedRow; providerId: string | null }[], lease: Date) {
  if (sent.length === 0) return;
  const now = ts(run.clock());
  // One statement for the status and the redaction: a SENT row never holds a usable link.
  await run.db.$executeRaw`
    UPDATE "OutboxEmail" AS o SET
      "status" = 'SENT', "providerId" = v."providerId", "sentAt" = ${now}, "error" = NULL, "lockedUntil" = NULL,
      "text" = regexp_replace(o."text", ${SECRET_LINK_PATTERN}, ${REDACTED_LINK}, 'g'),
      "html" = regexp_replace(o."html", ${SECRET_LINK_PATTERN}, ${REDACTED_LINK}, 'g'),
      "bodyRedactedAt" = CASE WHEN o."text" ~ ${SECRET_LINK_PATTERN} OR o."html" ~ ${SECRET_LINK_PATTERN} THEN ${now} ELSE o."bodyRedactedAt" END
    FROM unnest(${sent.map((entry) => entry.row.id)}::text[], ${sent.map((entry) => entry.providerId)}::text[]) AS v("id", "providerId")
    WHERE o."id" = v."id" AND o."status" = 'PENDING' AND o."lockedUntil" = ${ts(lease)}`;
  run.report.sent += sent.length;
}

async function markFailed(run: Run, rows: ClaimedRow[], lease: Date, message: string) {
  if (rows.length === 0) return;
  await run.db.outboxEmail.updateMany({ where: ours(rows, lease), data: { status: "FAILED", error: message, lockedUntil: null } });
  run.report.failed += rows.length;
  for (const row of rows) console.error(`[outbox] email ${row.id} (${row.template}) FAILED after ${row.attempts} attempt(s) — ${message}`);
}

/** Gives rows back untouched, the attempt refunded: a 429 or a pause is no failed attempt. */
async function giveBack(run: Run, rows: ClaimedRow[], lease: Date) {
  if (rows.length === 0) return;
  await run.db.outboxEmail.updateMany({ where: ours(rows, lease), data: { lockedUntil: null, attempts: { decrement: 1 } } });
}

async function afterTransient(run: Run, rows: ClaimedRow[], lease: Date, message: string, batchKey: string | null) {
  const schedule = retryScheduleOf(rows[0]!.template);
  const exhausted = rows.filter((row) => row.attempts >= schedule.maxAttempts);
  const retried = rows.filter((row) => row.attempts < schedule.maxAttempts);
  await markFailed(run, exhausted, lease, message);
  if (retried.length === 0) return;
  // One delay for the whole batch: its rows come back together, in the same order, with the same key.
  const delay = backoffDelayMs(Math.max(...retried.map((row) => row.attempts)), schedule, run.random);
  await run.db.outboxEmail.updateMany({
    where: ours(retried, lease),
    data: { lockedUntil: null, error: message, nextAttemptAt: new Date(run.clock().getTime() + delay), ...(batchKey ? { batchKey } : {}) },
  });
  run.report.retried += retried.length;
  console.warn(`[outbox] ${retried.length} email(s) (${rows[0]!.template}…): retry in ${Math.round(delay / 1000)} s — ${message}`);
}

/** Waits for this request's slot of the shared pace, keeping the lease longer than the wait. Null: the rows were lost. */
async function waitForSlot(run: Run, rows: ClaimedRow[], lease: Date): Promise<Date | null> {
  const slot = await reserveSendSlot(run.db, run.clock(), run.rate);
  let held = lease;
  if (slot.getTime() + LEASE_MARGIN_MS > lease.getTime()) {
    held = new Date(slot.getTime() + CLAIM_MS);
    const { count } = await run.db.outboxEmail.updateMany({ where: ours(rows, lease), data: { lockedUntil: held } });
    if (count !== rows.length) {
      await giveBack(run, rows, held);
      return null;
    }
  }
  const wait = slot.getTime() - run.clock().getTime();
  if (wait > 0) await run.sleep(wait);
  return held;
}

const payloadOf = (row: ClaimedRow) => ({
  from: env.EMAIL_FROM,
  to: row.to,
  subject: row.subject,
  html: row.html,
  text: row.text,
  // The outbox row: mail clients keep separate e-mails apart (no threading of same-subject
  // notifications), and a delivered copy can be traced back to its row. The template names the
  // e-mail in Resend's logs and webhooks without any personal data.
  headers: { "X-Entity-Ref-ID": row.id },
  tags: [{ name: "template", value: row.template }],
  ...(env.EMAIL_REPLY_TO ? { replyTo: env.EMAIL_REPLY_TO } : {}),
});

type SendResult =
  | { ok: true; sent: { row: ClaimedRow; providerId: string | null }[]; rejected: { row: ClaimedRow; message: string }[] }
  | { ok: false; error: ProviderError; headers: Record<string, string> | null };

const networkError = (error: unknown): SendResult => ({
  ok: false,
  // The SDK answers errors as values; anything thrown is treated as a network failure.
  error: { statusCode: null, name: "application_error", message: error instanceof Error ? error.message : String(error) },
  headers: null,
});

async function sendAlone(run: Run, row: ClaimedRow): Promise<SendResult> {
  try {
    const { data, error, headers } = await run.resend.emails.send(payloadOf(row), {
      idempotencyKey: row.idempotencyKey,
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    if (error) return { ok: false, error, headers };
    return { ok: true, sent: [{ row, providerId: data?.id ?? null }], rejected: [] };
  } catch (error) {
    return networkError(error);
  }
}

async function sendBatch(run: Run, rows: ClaimedRow[]): Promise<SendResult> {
  try {
    const { data, error, headers } = await run.resend.batch.send(rows.map(payloadOf), {
      idempotencyKey: batchIdempotencyKey(rows),
      batchValidation: "permissive",
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    if (error) return { ok: false, error, headers };
    // Permissive mode: `errors` names the rejected e-mails by index; `data` holds the ids of the
    // others, in request order.
    const errors = new Map((data?.errors ?? []).map((entry) => [entry.index, entry.message]));
    const ids = (data?.data ?? []).map((entry) => entry.id);
    const sent: { row: ClaimedRow; providerId: string | null }[] = [];
    const rejected: { row: ClaimedRow; message: string }[] = [];
    rows.forEach((row, index) => {
      if (errors.has(index)) rejected.push({ row, message: `422 validation_error: ${errors.get(index)}`.slice(0, 1000) });
      else sent.push({ row, providerId: ids.shift() ?? null });
    });
    return { ok: true, sent, rejected };
  } catch (error) {
    return networkError(error);
  }
}

type Outcome = "sent" | "rejected" | "retried" | "rate_limited" | "paused" | "lost";

/** One request for `rows` (a sign-in alone, or a batch), then each row settled. */
async function deliverRows(run: Run, rows: ClaimedRow[], alone: boolean): Promise<Outcome> {
  if (!run.onBatch) return deliverRowsOnce(run, rows, alone);
  const before = { ...run.report };
  const outcome = await deliverRowsOnce(run, rows, alone);
  const after = run.report;
  run.onBatch({
    sent: after.sent - before.sent,
    retried: after.retried - before.retried,
    rateLimited: after.rateLimited - before.rateLimited,
    failed: after.failed - before.failed,
    held: after.held - before.held,
  });
  return outcome;
}

async function deliverRowsOnce(run: Run, rows: ClaimedRow[], alone: boolean): Promise<Outcome> {
  const lease = await waitForSlot(run, rows, rows[0]!.lockedUntil);
  if (!lease) return "lost";
  const result = alone ? await sendAlone(run, rows[0]!) : await sendBatch(run, rows);
  await recordSendAnswered(run.db, run.clock(), run.rate);
  if (result.ok) {
    await markSent(run, result.sent, lease);
    for (const { row, message } of result.rejected) await markFailed(run, [row], lease, message);
    return result.sent.length > 0 ? "sent" : "rejected";
  }
  const message = describeError(result.error);
  switch (classifyError(result.error)) {
    case "rate_limited": {
      const wait = rateLimitWaitMs(result.headers);
      await holdSendingUntil(run.db, new Date(run.clock().getTime() + wait));
      await giveBack(run, rows, lease);
      run.report.rateLimited += rows.length;
      console.warn(`[outbox] Resend rate limit (429): every sender waits ${Math.round(wait / 100) / 10} s — ${message}`);
      return "rate_limited";
    }
    case "configuration": {
      await giveBack(run, rows, lease);
      run.report.held += rows.length;
      const { newlyPaused } = await pauseDelivery(run.db, run.clock(), message);
      if (newlyPaused) {
        console.error(`[outbox] SENDING PAUSED: Resend refuses every e-mail (${message}). E-mails stay queued; probing every minute.`);
      }
      return "paused";
    }
    case "transient":
      await afterTransient(run, rows, lease, message, alone ? null : batchIdempotencyKey(rows));
      return "retried";
    case "permanent":
      await markFailed(run, rows, lease, message);
      return "rejected";
  }
}

/** Sign-in e-mails one by one, then the others by batches of up to `batchSize`. */
async function deliverClaimed(run: Run, rows: ClaimedRow[], batchSize = BATCH_LIMIT): Promise<boolean> {
  const signIns = rows.filter((row) => row.template === "sign_in");
  const others = rows.filter((row) => row.template !== "sign_in");
  const pending = [
    ...signIns.map((row) => ({ rows: [row], alone: true })),
    ...chunks(others, batchSize).map((part) => ({ rows: part, alone: false })),
  ];
  for (const [index, { rows: part, alone }] of pending.entries()) {
    if ((await deliverRows(run, part, alone)) === "paused") {
      // Paused: what was not tried yet goes back without spending an attempt.
      for (const rest of pending.slice(index + 1)) {
        await giveBack(run, rest.rows, rest.rows[0]!.lockedUntil);
        run.report.held += rest.rows.length;
      }
      return false;
    }
  }
  return true;
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

/**
 * While paused: the process whose turn it is (one a minute, all processes together) logs the
 * pause and probes with one due e-mail, a sign-in first. Returns true once sending resumed.
 */
async function probeWhilePaused(run: Run, pause: DeliveryPause): Promise<boolean> {
  const now = run.clock();
  if (await takePauseLogTurn(run.db, now)) {
    const waiting = await run.db.outboxEmail.count({ where: { status: "PENDING" } });
    console.error(
      `[outbox] SENDING PAUSED since ${pause.pausedAt.toISOString()}: ${pause.reason} — ${waiting} e-mail(s) waiting. ` +
        "Check RESEND_API_KEY, the sending domain and the quota at Resend; sending resumes by itself once a probe goes through.",
    );
  }
  if (!(await takeProbeTurn(run.db, now))) return false;
  // A sign-in first; another e-mail only when none is due (a claimed row not sent would wait for its lease).
  const [row] = await claim(run.db, now, { signIn: true, limit: 1 });
  const probe = row ?? (await claim(run.db, now, { signIn: false, limit: 1 }))[0];
  // Nothing due to probe with: the next turn will tell.
  if (!probe) return false;
  const outcome = await deliverRows(run, [probe], true);
  // Resend judged the e-mail itself (sent or rejected): the key, domain and quota are fine again.
  if (outcome !== "sent" && outcome !== "rejected") return false;
  if (await resumeDelivery(run.db)) {
    console.error(`[outbox] sending RESUMED: Resend accepted an e-mail again (paused since ${pause.pausedAt.toISOString()})`);
  }
  return true;
}

/** Rows a crashed sender left at the attempt cap: the claim skips them, so they are settled here. */
async function failAbandoned(run: Run) {
  const now = ts(run.clock());
  const count = await run.db.$executeRaw`
    UPDATE "OutboxEmail" SET "status" = 'FAILED', "lockedUntil" = NULL,
      "error" = COALESCE("error", 'aucune réponse de Resend') || ' (abandonné après ' || "attempts" || ' essais)'
    WHERE "status" = 'PENDING' AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
      AND "attempts" >= CASE WHEN "template" = 'sign_in' THEN ${SIGN_IN_RETRY.maxAttempts}::int ELSE ${NOTIFICATION_RETRY.maxAttempts}::int END`;
  if (count > 0) console.error(`[outbox] ${count} email(s) FAILED: attempt cap reached by a sender that stopped mid-send`);
  run.report.failed += count;
}

/** Delivers the given rows now (those no other sender holds). A no-op without a Resend key, or while paused. */
export async function deliverEmails(ids: string[], options: DeliveryOptions = {}): Promise<DeliveryReport> {
  if (!isDeliveryEnabled() || ids.length === 0) return emptyReport();
  const run = startRun(options);
  // Paused: the rows wait, untouched, for the probe.
  if (await readDeliveryPause(run.db)) return run.report;
  await deliverClaimed(run, await claim(run.db, run.clock(), { ids: [...new Set(ids)] }));
  return run.report;
}

/**
 * The sweep: delivers every due PENDING row — left by a restart, an outage, a retry whose time
 * has come — sign-in e-mails first, then batch after batch until none is due. Safe to run in
 * several processes at once.
 */
export async function deliverDueEmails(
  options: DeliveryOptions & { batchSize?: number; maxBatches?: number } = {},
): Promise<DeliveryReport> {
  if (!isDeliveryEnabled()) return emptyReport();
  const run = startRun(options);
  const batchSize = Math.min(options.batchSize ?? BATCH_LIMIT, BATCH_LIMIT);
  await failAbandoned(run);
  for (let batch = 0; batch < (options.maxBatches ?? 50); batch++) {
    const pause = await readDeliveryPause(run.db);
    if (pause && !(await probeWhilePaused(run, pause))) break;
    const [signIn] = await claim(run.db, run.clock(), { signIn: true, limit: 1 });
    const rows = signIn ? [signIn] : await claim(run.db, run.clock(), { signIn: false, limit: batchSize });
    if (rows.length === 0) break;
    if (!(await deliverClaimed(run, rows, batchSize))) break;
  }
  return run.report;
}

/** When the next sign-in e-mail is due (the sweeper wakes for it), or null. */
export async function nextSignInAttemptAt(now: Date, db: PrismaClient = prisma): Promise<Date | null> {
  const row = await db.outboxEmail.findFirst({
    where: {
      status: "PENDING",
      template: "sign_in",
      bodyPurgedAt: null,
      attempts: { lt: SIGN_IN_RETRY.maxAttempts },
      createdAt: { gt: new Date(now.getTime() - SIGN_IN_RETRY_WINDOW_MS) },
    },
    orderBy: { nextAttemptAt: "asc" },
    select: { nextAttemptAt: true },
  });
  return row?.nextAttemptAt ?? null;
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
