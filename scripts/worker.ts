/**
 * `npm run worker`: the outbox sweep as a standalone process, for production. Delivers every due
 * email through Resend, then again every few seconds, until SIGINT/SIGTERM. Several workers and
 * app instances may run at once: each email is claimed by one of them only.
 * Needs DATABASE_URL and RESEND_API_KEY (EMAIL_FROM, EMAIL_REPLY_TO optional).
 */
import { env } from "@/lib/env";
import { isDeliveryEnabled } from "@/lib/mail/sender";
import { runOutboxSweeper, SWEEP_INTERVAL_MS } from "@/lib/mail/sweeper";

async function main() {
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set: the worker reads the outbox of that database.");
  if (!isDeliveryEnabled()) throw new Error("RESEND_API_KEY is not set: without it emails are kept (see /dev/mails), there is nothing to deliver.");
  const interval = Number(process.env.OUTBOX_SWEEP_INTERVAL_MS) || SWEEP_INTERVAL_MS;
  const controller = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.log(`[outbox] ${signal}: stopping after the current sweep`);
      controller.abort();
    });
  }
  console.log(`[outbox] worker started: sweeping every ${interval / 1000} s`);
  await runOutboxSweeper(controller.signal, { intervalMs: interval });
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
