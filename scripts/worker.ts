/**
 * `npm run worker`: the background work as a standalone process, for production: the daily jobs
 * (lib/jobs) and, with RESEND_API_KEY, the outbox sweep (delivers every due email through Resend,
 * then again every few seconds, logging one line per request: sent, retried, rate-limited,
 * failed), until SIGINT/SIGTERM. Several workers and app instances may run
 * at once: each job runs once a day and each email is claimed by one of them only.
 * Needs DATABASE_URL (RESEND_API_KEY, EMAIL_FROM, EMAIL_REPLY_TO optional).
 */
import { env } from "@/lib/env";
import { runJobScheduler } from "@/lib/jobs/scheduler";
import { isDeliveryEnabled } from "@/lib/mail/sender";
import { runOutboxSweeper } from "@/lib/mail/sweeper";

async function main() {
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set: the worker works on that database.");
  const interval = env.OUTBOX_SWEEP_INTERVAL_MS;
  const controller = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.log(`[worker] ${signal}: stopping after the current sweep and job`);
      controller.abort();
    });
  }
  if (isDeliveryEnabled()) {
    console.log(
      `[outbox] worker started: sweeping every ${interval / 1000} s, at most ${env.RESEND_RATE_LIMIT} requests/s to Resend (all processes together)`,
    );
  } else console.log("[outbox] RESEND_API_KEY is not set: emails are kept (see /dev/mails), no sweep");
  console.log("[jobs] worker started: daily jobs checked every few minutes");
  await Promise.all([
    runOutboxSweeper(controller.signal, { intervalMs: interval }),
    runJobScheduler(controller.signal, { firstTickMs: 0 }),
  ]);
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
