import "server-only";
import { signInHousekeepingJob } from "@/lib/auth/housekeeping";
import { emailRetentionJob } from "@/lib/mail/retention";
import { archivingJob } from "@/lib/applications/archive";
import { autoRefusalJob, autoRefusalWarningJob } from "@/lib/applications/auto-refusal";
import { applicationCountsJob } from "@/lib/applications/counts";
import type { Job } from "./types";

/**
 * Every daily job, in the order they run. A new one (a retention purge…) is a Job from its
 * feature's folder, added here: the runner, the schedule in each server and worker, and
 * `npm run jobs` then pick it up. The warning runs before the refusal, and the refusal before the
 * archiving; the counters are checked last, after every job that changes statuses. The outbox sweep, which runs every few seconds, keeps its own loop (lib/mail/sweeper.ts;
 * README, "Tâches quotidiennes", says why).
 */
export const JOBS: readonly Job[] = [
  emailRetentionJob,
  signInHousekeepingJob,
  autoRefusalWarningJob,
  autoRefusalJob,
  archivingJob,
  applicationCountsJob,
];

export const JOB_NAMES = JOBS.map((job) => job.name);
