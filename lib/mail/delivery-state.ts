import "server-only";
import { sqlTimestamp as ts, type PrismaClient } from "@/lib/db";
import { MINUTE_MS, SECOND_MS } from "@/lib/time";

/**
 * What every sender of every process shares, in one row of MailDeliveryState (id 1):
 * - the pace: `nextSendAt`, the earliest moment the next request to Resend may leave. Each sender
 *   takes the next slot with one atomic statement (no transaction, no lock held while waiting: it
 *   works alike on PostgreSQL and on the embedded PGlite, which serves one session at a time);
 * - the pause: set on a configuration error (key, domain, quota), cleared by a successful probe.
 * Times come from the caller's clock, so tests move them instead of waiting.
 */

const STATE_ID = 1;
/** While paused: one delivery attempt (the probe) and one loud log line per minute, all processes together. */
export const PAUSE_PROBE_INTERVAL_MS = MINUTE_MS;

/**
 * The limit as Resend applies it: at most `requests` within any `windowMs` (2 per second: 2 in
 * any 1000 ms). Requests are spaced windowMs / requests apart, and a request also waits until
 * `requests` answers ago is a whole window old: the answer is the latest moment Resend can have
 * counted a request, so a late request (a slow first connection, a busy machine) never squeezes
 * the next ones into one window.
 */
export function paceOf(ratePerSecond: number) {
  const requests = ratePerSecond >= 1 ? Math.floor(ratePerSecond) : 1;
  const windowMs = Math.ceil((requests * SECOND_MS) / ratePerSecond);
  return { requests, windowMs, spacingMs: Math.ceil(windowMs / requests) };
}

// Clocks are read to the millisecond on both sides: a request exactly one window later could still count.
const WINDOW_MARGIN_MS = 5;

/**
 * Reserves the next request slot at `ratePerSecond` and returns when it starts (now or later).
 * The row is created by the first sender that needs it.
 */
export async function reserveSendSlot(db: PrismaClient, now: Date, ratePerSecond: number): Promise<Date> {
  const { requests, windowMs, spacingMs } = paceOf(ratePerSecond);
  const [row] = await db.$queryRaw<{ slot: Date }[]>`
    INSERT INTO "MailDeliveryState" ("id", "nextSendAt") VALUES (${STATE_ID}::int, ${ts(new Date(now.getTime() + spacingMs))})
    ON CONFLICT ("id") DO UPDATE
      SET "nextSendAt" = GREATEST(
        "MailDeliveryState"."nextSendAt",
        ${ts(now)},
        (SELECT "answeredAt" FROM unnest("MailDeliveryState"."recentSends") AS "answeredAt" ORDER BY "answeredAt" DESC OFFSET ${requests - 1}::int LIMIT 1)
          + ${windowMs + WINDOW_MARGIN_MS}::int * interval '1 millisecond'
      ) + ${spacingMs}::int * interval '1 millisecond'
    RETURNING "nextSendAt" - ${spacingMs}::int * interval '1 millisecond' AS "slot"`;
  return row!.slot;
}

/** Records when Resend answered a request (the latest moment it can have counted it). */
export async function recordSendAnswered(db: PrismaClient, answeredAt: Date, ratePerSecond: number): Promise<void> {
  const { requests } = paceOf(ratePerSecond);
  await db.$executeRaw`
    UPDATE "MailDeliveryState" SET "recentSends" = ARRAY(
      SELECT "answeredAt" FROM unnest(array_append("recentSends", ${ts(answeredAt)})) AS "answeredAt"
      ORDER BY "answeredAt" DESC LIMIT ${requests}::int
    )
    WHERE "id" = ${STATE_ID}::int`;
}

/** After a 429: no sender sends before `until`. */
export async function holdSendingUntil(db: PrismaClient, until: Date): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "MailDeliveryState" ("id", "nextSendAt") VALUES (${STATE_ID}::int, ${ts(until)})
    ON CONFLICT ("id") DO UPDATE SET "nextSendAt" = GREATEST("MailDeliveryState"."nextSendAt", ${ts(until)})`;
}

export interface DeliveryPause {
  pausedAt: Date;
  reason: string;
}

export async function readDeliveryPause(db: PrismaClient): Promise<DeliveryPause | null> {
  const state = await db.mailDeliveryState.findUnique({ where: { id: STATE_ID }, select: { pausedAt: true, pauseReason: true } });
  return state?.pausedAt ? { pausedAt: state.pausedAt, reason: state.pauseReason ?? "" } : null;
}

/** Pauses every sender (or keeps the pause, with the latest reason); the next probe comes a minute later. */
export async function pauseDelivery(db: PrismaClient, now: Date, reason: string): Promise<{ newlyPaused: boolean }> {
  const nextProbe = ts(new Date(now.getTime() + PAUSE_PROBE_INTERVAL_MS));
  const [row] = await db.$queryRaw<{ newlyPaused: boolean }[]>`
    WITH previous AS (SELECT "pausedAt" FROM "MailDeliveryState" WHERE "id" = ${STATE_ID}::int)
    INSERT INTO "MailDeliveryState" ("id", "nextSendAt", "pausedAt", "pauseReason", "probeAt")
    VALUES (${STATE_ID}::int, ${ts(now)}, ${ts(now)}, ${reason}, ${nextProbe})
    ON CONFLICT ("id") DO UPDATE SET
      "pausedAt" = COALESCE("MailDeliveryState"."pausedAt", ${ts(now)}),
      "pauseReason" = ${reason},
      "probeAt" = ${nextProbe}
    RETURNING (SELECT "pausedAt" FROM previous) IS NULL AS "newlyPaused"`;
  return { newlyPaused: Boolean(row?.newlyPaused) };
}

/** A probe went through: every sender resumes. Returns whether a pause was lifted. */
export async function resumeDelivery(db: PrismaClient): Promise<boolean> {
  const count = await db.mailDeliveryState.updateMany({
    where: { id: STATE_ID, pausedAt: { not: null } },
    data: { pausedAt: null, pauseReason: null, pauseLogAt: null, probeAt: null },
  });
  return count.count > 0;
}

/** While paused, the one sender (of all processes) whose turn it is to probe now; the next turn is a minute later. */
export async function takeProbeTurn(db: PrismaClient, now: Date): Promise<boolean> {
  const count = await db.$executeRaw`
    UPDATE "MailDeliveryState" SET "probeAt" = ${ts(new Date(now.getTime() + PAUSE_PROBE_INTERVAL_MS))}
    WHERE "id" = ${STATE_ID}::int AND "pausedAt" IS NOT NULL AND ("probeAt" IS NULL OR "probeAt" <= ${ts(now)})`;
  return count === 1;
}

/** While paused, whether this process writes the minute's log line. */
export async function takePauseLogTurn(db: PrismaClient, now: Date): Promise<boolean> {
  const count = await db.$executeRaw`
    UPDATE "MailDeliveryState" SET "pauseLogAt" = ${ts(now)}
    WHERE "id" = ${STATE_ID}::int AND "pausedAt" IS NOT NULL
      AND ("pauseLogAt" IS NULL OR "pauseLogAt" <= ${ts(new Date(now.getTime() - PAUSE_PROBE_INTERVAL_MS))})`;
  return count === 1;
}
