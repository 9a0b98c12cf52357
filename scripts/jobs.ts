/**
 * `npm run jobs -- [name…] [--as-of YYYY-MM-DD]`: runs the daily jobs (lib/jobs/registry.ts) once,
 * now, as if the given day (default: today in Paris) were today. Jobs are idempotent: a second
 * run changes nothing more. It waits for nobody: if a server or worker is running the same job for
 * the same day right now, that job is skipped. Exit code 1 if a job failed, 2 for bad arguments.
 */
import { env } from "@/lib/env";
import { JOBS_USAGE, parseJobsArgs } from "@/lib/jobs/args";
import { dayAt } from "@/lib/jobs/day";
import { JOB_NAMES, JOBS } from "@/lib/jobs/registry";
import { describeOutcome, runJobs } from "@/lib/jobs/runner";

const EMBEDDED_DATABASE_MESSAGE = [
  "npm run jobs needs DATABASE_URL (the PostgreSQL server whose jobs to run).",
  "The embedded database (PGlite, used when DATABASE_URL is unset) belongs to one process, the app started by `npm run dev` or `npm start`: it cannot be opened from here, and the running app already runs these jobs every day.",
  "— npm run jobs a besoin de DATABASE_URL. La base embarquée (PGlite) n'est ouverte que par un processus, l'application lancée par `npm run dev` ou `npm start`, qui exécute déjà ces tâches chaque jour.",
].join("\n");

async function main(): Promise<number> {
  const command = parseJobsArgs(process.argv.slice(2), JOB_NAMES);
  if ("error" in command) {
    console.error(`${command.error}\n${JOBS_USAGE}`);
    return 2;
  }
  if (command.help) {
    console.log(`${JOBS_USAGE}\n\nJobs:\n${JOBS.map((job) => `  ${job.name}: ${job.description}`).join("\n")}`);
    return 0;
  }
  if (!env.DATABASE_URL) {
    console.error(EMBEDDED_DATABASE_MESSAGE);
    return 2;
  }
  const day = command.asOf ?? dayAt(new Date());
  const { prisma } = await import("@/lib/db");
  try {
    const outcomes = await runJobs({ day, jobs: JOBS.filter((job) => command.names.includes(job.name)), force: true });
    for (const outcome of outcomes) (outcome.status === "failed" ? console.error : console.log)(describeOutcome(day, outcome));
    return outcomes.some((outcome) => outcome.status === "failed") ? 1 : 0;
  } finally {
    await prisma.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
