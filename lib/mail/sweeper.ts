import "server-only";
import { env } from "@/lib/env";
import { setTimeout as sleep } from "node:timers/promises";
import { deliverDueEmails, isDeliveryEnabled } from "@/lib/mail/sender";

/**
 * Runs the outbox sweep every `intervalMs` until `signal` aborts. One sweep at a time in this
 * process; other processes may sweep too (rows are claimed, never sent twice). An error (the
 * database restarting…) is logged and the loop goes on.
 */
export async function runOutboxSweeper(
  signal: AbortSignal,
  { intervalMs = env.OUTBOX_SWEEP_INTERVAL_MS, keepAlive = true } = {},
): Promise<void> {
  if (!isDeliveryEnabled()) return;
  while (!signal.aborted) {
    try {
      const report = await deliverDueEmails();
      if (report.sent + report.retried + report.failed > 0) {
        console.log(`[outbox] sweep: ${report.sent} sent, ${report.retried} to retry, ${report.failed} failed`);
      }
    } catch (error) {
      console.error("[outbox] sweep failed:", error instanceof Error ? error.message : error);
    }
    // keepAlive false: inside a server, the sweeper alone must not hold the process open.
    await sleep(intervalMs, undefined, { signal, ref: keepAlive }).catch(() => undefined);
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
