import type { PrismaClient } from "@/lib/db";

/** What a job is told: the day it runs for, that day's start as "now", and the database. */
export interface JobContext {
  day: string;
  /** Midnight in Paris on `day`: jobs draw their lines (ages, deadlines) from it, never from the clock. */
  asOf: Date;
  db: PrismaClient;
}

/** What a job did, as counts for the log and the JobRun row (e.g. { bodiesPurged: 12 }). */
export type JobResult = Record<string, number>;

/**
 * A daily job. `run` must be idempotent (running it again for the same day changes nothing more)
 * and work in bounded batches: the runner guarantees one run per day, not that a run completes.
 */
export interface Job {
  name: string;
  /** One line for `npm run jobs -- --help`. */
  description: string;
  run(context: JobContext): Promise<JobResult>;
}
