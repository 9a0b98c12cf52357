import "server-only";
import { env } from "@/lib/env";
import { startBackgroundJobScheduler } from "@/lib/jobs/scheduler";
import { startBackgroundOutboxSweeper } from "@/lib/mail/sweeper";

/**
 * What each server runs beside its requests: the daily jobs (claimed once across processes) and,
 * with a Resend key, the outbox sweep (retries, emails left by a restart), alongside any
 * `npm run worker`. Nothing while `next build` prerenders pages.
 */
export function startBackgroundWork(): void {
  if (env.isBuilding) return;
  startBackgroundJobScheduler();
  // A no-op without RESEND_API_KEY: emails are then kept for /dev/mails.
  startBackgroundOutboxSweeper();
}
