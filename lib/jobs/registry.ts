import "server-only";
import { signInHousekeepingJob } from "@/lib/auth/housekeeping";
import { emailRetentionJob } from "@/lib/mail/retention";
import { archivingJob } from "@/lib/applications/archive";
import type { Job } from "./types";

/**
 * Every daily job, in the order they run. A new one (automatic refusal, archiving, reminders…)
 * is a Job from its feature's folder, added here: the runner, the schedule in each server and
 * worker, and `npm run jobs` then pick it up. The outbox sweep, which runs every few seconds,
 * has its own loop for now (lib/mail/sweeper.ts).
 */
export const JOBS: readonly Job[] = [emailRetentionJob, signInHousekeepingJob, archivingJob];

export const JOB_NAMES = JOBS.map((job) => job.name);
