import "server-only";
import { prisma, sqlTimestamp as ts, type PrismaClient } from "@/lib/db";
import { parseCalendarDate } from "@/lib/calendar-date";
import { startOfDay } from "./day";
import type { Job, JobResult } from "./types";
import { HOUR_MS, MINUTE_MS } from "@/lib/time";

/**
 * Runs daily jobs once per day across every process (DESIGN §8, "Periodic work goes through one
 * runner"). The claim is the JobRun row (name, day): an INSERT … ON CONFLICT DO UPDATE … WHERE,
 * one atomic statement, which only one process can win. A table rather than an advisory lock: the
 * embedded PGlite serves every connection through one session, where session locks would not
 * exclude anyone, and the rows keep what each run did.
 *
 * A run holds its claim for LEASE_MS; a process that died mid-run is taken over after that. A
 * failed run is tried again RETRY_DELAY_MS later, at most MAX_ATTEMPTS times a day.
 */

const LEASE_MS = HOUR_MS;
const RETRY_DELAY_MS = 15 * MINUTE_MS;
const MAX_ATTEMPTS = 5;

export type JobOutcome =
  | { name: string; status: "done"; result: JobResult }
  | { name: string; status: "failed"; error: string }
  /** Another process holds or completed this day's run, or its attempts are spent. */
  | { name: string; status: "skipped"; reason: string };

export interface RunJobsOptions {
  /** The day to run for ("YYYY-MM-DD", Europe/Paris). */
  day: string;
  jobs: readonly Job[];
  /**
   * By hand (`npm run jobs`): run again even if this day's run is done, since jobs are idempotent.
   * Never alongside a live run of the same job and day, though.
   */
  force?: boolean;
  db?: PrismaClient;
  now?: () => Date;
}

async function claim(db: PrismaClient, job: Job, day: string, now: Date, force: boolean): Promise<number | null> {
  const rows = await db.$queryRaw<{ attempts: number }[]>`
    INSERT INTO "JobRun" ("name", "day", "status", "attempts", "lockedUntil", "startedAt")
    VALUES (${job.name}, ${day}::date, 'RUNNING', 1, ${ts(new Date(now.getTime() + LEASE_MS))}, ${ts(now)})
    ON CONFLICT ("name", "day") DO UPDATE
    SET "status" = 'RUNNING', "attempts" = "JobRun"."attempts" + 1, "lockedUntil" = EXCLUDED."lockedUntil",
        "startedAt" = EXCLUDED."startedAt", "finishedAt" = NULL, "result" = NULL, "error" = NULL
    WHERE "JobRun"."lockedUntil" < ${ts(now)}
      AND (${force} OR ("JobRun"."status" <> 'DONE' AND "JobRun"."attempts" < ${MAX_ATTEMPTS}))
    RETURNING "attempts"`;
  return rows[0]?.attempts ?? null;
}

async function whySkipped(db: PrismaClient, name: string, day: Date): Promise<string> {
  const run = await db.jobRun.findUnique({ where: { name_day: { name, day } }, select: { status: true, attempts: true } });
  if (run?.status === "DONE") return "already done for this day";
  if (run?.status === "RUNNING") return "running in another process";
  return run && run.attempts >= MAX_ATTEMPTS ? `failed ${run.attempts} times today, left for tomorrow` : "failed, will be retried later";
}

export async function runJobs(options: RunJobsOptions): Promise<JobOutcome[]> {
  const db = options.db ?? prisma;
  const clock = options.now ?? (() => new Date());
  const dayDate = parseCalendarDate(options.day);
  if (!dayDate) throw new Error(`Not a day: ${options.day}`);
  const asOf = startOfDay(options.day);
  const outcomes: JobOutcome[] = [];

  for (const job of options.jobs) {
    const attempt = await claim(db, job, options.day, clock(), options.force ?? false);
    if (attempt === null) {
      outcomes.push({ name: job.name, status: "skipped", reason: await whySkipped(db, job.name, dayDate) });
      continue;
    }
    // The attempt number fences the write-back: a run taken over after its lease says nothing more.
    const ours = { name: job.name, day: dayDate, attempts: attempt, status: "RUNNING" as const };
    try {
      const result = await job.run({ day: options.day, asOf, db });
      const finishedAt = clock();
      await db.jobRun.updateMany({ where: ours, data: { status: "DONE", finishedAt, lockedUntil: finishedAt, result } });
      outcomes.push({ name: job.name, status: "done", result });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const finishedAt = clock();
      await db.jobRun
        .updateMany({
          where: ours,
          data: {
            status: "FAILED",
            finishedAt,
            lockedUntil: new Date(finishedAt.getTime() + RETRY_DELAY_MS),
            error: message.slice(0, 2000),
          },
        })
        .catch(() => undefined);
      outcomes.push({ name: job.name, status: "failed", error: message });
    }
  }
  return outcomes;
}

export function describeOutcome(day: string, outcome: JobOutcome): string {
  const head = `[jobs] ${outcome.name} (${day})`;
  if (outcome.status === "done") {
    const counts = Object.entries(outcome.result).map(([key, value]) => `${key}=${value}`);
    return `${head}: done${counts.length ? ` — ${counts.join(", ")}` : ""}`;
  }
  return outcome.status === "failed" ? `${head}: FAILED — ${outcome.error}` : `${head}: skipped (${outcome.reason})`;
}
