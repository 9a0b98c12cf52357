import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { dayAt } from "./day";
import { JOBS } from "./registry";
import { describeOutcome, runJobs } from "./runner";
import { MINUTE_MS, SECOND_MS } from "@/lib/time";

/**
 * The daily schedule, in every Next server (instrumentation.ts) and in `npm run worker`: every few
 * minutes, each process offers to run today's jobs; the runner's claim lets one of them do it and
 * the others skip with one cheap statement per job. So the day's run happens soon after midnight
 * (Paris), or soon after the first start of the day, even if some processes are down.
 */
export const JOBS_TICK_MS = 5 * MINUTE_MS;
// Lets a starting server finish booting (and migrations land) before the first check.
const FIRST_TICK_MS = 10 * SECOND_MS;

export async function runJobScheduler(
  signal: AbortSignal,
  { intervalMs = JOBS_TICK_MS, firstTickMs = FIRST_TICK_MS, keepAlive = true } = {},
): Promise<void> {
  await sleep(firstTickMs, undefined, { signal, ref: keepAlive }).catch(() => undefined);
  while (!signal.aborted) {
    const day = dayAt(new Date());
    try {
      for (const outcome of await runJobs({ day, jobs: JOBS })) {
        // Skips are the normal case in every process but one: not worth a line every 5 minutes.
        if (outcome.status === "done") console.log(describeOutcome(day, outcome));
        if (outcome.status === "failed") console.error(describeOutcome(day, outcome));
      }
    } catch (error) {
      console.error("[jobs] schedule check failed:", error instanceof Error ? error.message : error);
    }
    // keepAlive false: inside a server, the schedule alone must not hold the process open.
    await sleep(intervalMs, undefined, { signal, ref: keepAlive }).catch(() => undefined);
  }
}

const globalForJobs = globalThis as unknown as { jobScheduler?: AbortController };

/** Starts the schedule in the background of a server, once per process (dev reloads modules). */
export function startBackgroundJobScheduler(): void {
  if (globalForJobs.jobScheduler) return;
  const controller = new AbortController();
  globalForJobs.jobScheduler = controller;
  void runJobScheduler(controller.signal, { keepAlive: false });
  console.log("[jobs] daily jobs scheduled in this process: " + JOBS.map((job) => job.name).join(", "));
}
