import "server-only";
import { env } from "@/lib/env";
import { setTimeout as sleep } from "node:timers/promises";
import { deliverDueEmails, isDeliveryEnabled, nextSignInAttemptAt, type DeliveryOptions, type DeliveryReport } from "@/lib/mail/sender";
import { SECOND_MS } from "@/lib/time";
import { prisma } from "@/lib/db";
import { readDeliveryPause } from "@/lib/mail/delivery-state";

// A sign-in retry is due within seconds: the sweeper wakes for it rather than at its next round.
const MIN_WAKE_MS = 200;

/** One log line for a batch (or a sweep) that did something: sent, retried, rate-limited, failed, and held while paused. */
export function describeSweep(report: DeliveryReport): string | null {
  if (report.sent + report.retried + report.rateLimited + report.failed + report.held === 0) return null;
  return (
    `${report.sent} sent, ${report.retried} retried, ${report.rateLimited} rate-limited, ${report.failed} failed` +
    (report.held ? `, ${report.held} held (sending paused)` : "")
  );
}

/**
 * Runs the outbox sweep every `intervalMs` until `signal` aborts, and sooner when a sign-in
 * e-mail's retry is due. One sweep at a time in this process; other processes may sweep too
 * (rows are claimed, never sent twice). An error (the database restarting…) is logged and the
 * loop goes on. `delivery` lets tests drive the clock.
 */
export async function runOutboxSweeper(
  signal: AbortSignal,
  {
    intervalMs = env.OUTBOX_SWEEP_INTERVAL_MS,
    keepAlive = true,
    delivery = {},
    log = (line: string) => console.log(line),
  }: { intervalMs?: number; keepAlive?: boolean; delivery?: DeliveryOptions; log?: (line: string) => void } = {},
): Promise<void> {
  if (!isDeliveryEnabled()) return;
  const clock = delivery.now ?? (() => new Date());
  while (!signal.aborted) {
    let wait = intervalMs;
    try {
      // One line per request to Resend: what became of its e-mails.
      await deliverDueEmails({
        ...delivery,
        onBatch: (batch) => {
          const line = describeSweep(batch);
          if (line) log(`[outbox] batch: ${line}`);
        },
      });
      // While paused, only the probe's minute matters: no early wake-up.
      const signIn = (await readDeliveryPause(delivery.db ?? prisma)) ? null : await nextSignInAttemptAt(clock(), delivery.db);
      if (signIn) wait = Math.min(wait, Math.max(MIN_WAKE_MS, signIn.getTime() - clock().getTime()));
    } catch (error) {
      console.error("[outbox] sweep failed:", error instanceof Error ? error.message : error);
      wait = Math.max(wait, SECOND_MS);
    }
    if (signal.aborted) break;
    // keepAlive false: inside a server, the sweeper alone must not hold the process open.
    if (delivery.sleep) await delivery.sleep(wait);
    else await sleep(wait, undefined, { signal, ref: keepAlive }).catch(() => undefined);
  }
}

const globalForSweeper = globalThis as unknown as { outboxSweeper?: AbortController };

/** Starts the sweeper in the background of a server, once per process (dev reloads modules). */
export function startBackgroundOutboxSweeper(): void {
  if (!isDeliveryEnabled() || globalForSweeper.outboxSweeper) return;
  const controller = new AbortController();
  globalForSweeper.outboxSweeper = controller;
  void runOutboxSweeper(controller.signal, { keepAlive: false });
  console.log("[outbox] background sweeper started (RESEND_API_KEY is set)");
}
