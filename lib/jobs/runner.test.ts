/**
 * The daily jobs runner on a real database, and on the embedded PGlite: one run per job and day
 * whatever the number of processes, failed runs retried later, by-hand runs (`npm run jobs`)
 * never alongside a live one.
 */
import { afterAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { prisma, type PrismaClient } from "@/lib/db";
import { createPrismaClient } from "@/prisma/client";
import { startEmbeddedPostgres } from "@/prisma/embedded";
import { applyMigrations } from "@/prisma/migrate-deploy";
import { runJobs } from "@/lib/jobs/runner";
import type { Job, JobContext } from "@/lib/jobs/types";

const DAY = "2026-03-29"; // a DST change in Paris: midnight is still 23:00 UTC the day before
const clients: PrismaClient[] = [];
afterAll(async () => {
  await Promise.all(clients.map((client) => client.$disconnect()));
});

/** A job that records each run and takes a while, so that concurrent runners overlap. */
function countingJob(options: { durationMs?: number; fail?: boolean } = {}) {
  const runs: JobContext[] = [];
  const job: Job = {
    name: `test-${randomUUID().slice(0, 8)}`,
    description: "test job",
    async run(context) {
      runs.push(context);
      await sleep(options.durationMs ?? 0);
      if (options.fail) throw new Error("the database went away");
      return { touched: runs.length };
    },
  };
  return { job, runs };
}

function secondClient(url: string, embedded = false) {
  const client = createPrismaClient(url, { embedded });
  clients.push(client);
  return client;
}

async function twoRunnersAtOnce(a: PrismaClient, b: PrismaClient) {
  const { job, runs } = countingJob({ durationMs: 300 });
  const outcomes = (await Promise.all([runJobs({ day: DAY, jobs: [job], db: a }), runJobs({ day: DAY, jobs: [job], db: b })])).flat();

  expect(runs).toHaveLength(1);
  expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["done", "skipped"]);
  expect(outcomes.find((outcome) => outcome.status === "skipped")).toMatchObject({ reason: "running in another process" });
  // Later in the day, every process finds it done.
  expect(await runJobs({ day: DAY, jobs: [job], db: b })).toEqual([
    { name: job.name, status: "skipped", reason: "already done for this day" },
  ]);
  expect(runs).toHaveLength(1);
  const row = await a.jobRun.findUniqueOrThrow({ where: { name_day: { name: job.name, day: new Date(`${DAY}T00:00:00Z`) } } });
  expect(row).toMatchObject({ status: "DONE", attempts: 1, result: { touched: 1 }, error: null });
  return runs[0]!;
}

describe("runJobs", () => {
  it("runs a job once when two processes run the day's jobs at the same moment (PostgreSQL)", async () => {
    const context = await twoRunnersAtOnce(prisma, secondClient(process.env.DATABASE_URL!));
    // The job is told the day and its start in Paris, the line every rule is drawn from.
    expect(context.day).toBe(DAY);
    expect(context.asOf.toISOString()).toBe("2026-03-28T23:00:00.000Z");
  });

  it("runs a job once on the embedded PGlite too, where every connection shares one session", async () => {
    const embedded = await startEmbeddedPostgres();
    try {
      await applyMigrations(embedded.url);
      await twoRunnersAtOnce(secondClient(embedded.url, true), secondClient(embedded.url, true));
    } finally {
      await Promise.all(clients.splice(1).map((client) => client.$disconnect()));
      await embedded.stop();
    }
  }, 120_000);

  it("tries a failed run again after a delay, not at once, and gives up for the day after 5 attempts", async () => {
    const { job, runs } = countingJob({ fail: true });
    let now = new Date("2026-03-29T01:00:00Z");
    const run = () => runJobs({ day: DAY, jobs: [job], now: () => now });

    expect(await run()).toEqual([{ name: job.name, status: "failed", error: "the database went away" }]);
    expect(await run()).toEqual([{ name: job.name, status: "skipped", reason: "failed, will be retried later" }]);
    for (let attempt = 2; attempt <= 5; attempt++) {
      now = new Date(now.getTime() + 16 * 60_000);
      expect((await run())[0]!.status).toBe("failed");
    }
    now = new Date(now.getTime() + 16 * 60_000);
    expect(await run()).toEqual([{ name: job.name, status: "skipped", reason: "failed 5 times today, left for tomorrow" }]);
    expect(runs).toHaveLength(5);
    // The next day is a new run.
    expect((await runJobs({ day: "2026-03-30", jobs: [job], now: () => now }))[0]!.status).toBe("failed");
  });

  it("by hand (force), runs a day already done again, but never alongside a live run of it", async () => {
    const { job, runs } = countingJob({ durationMs: 300 });
    await runJobs({ day: DAY, jobs: [job] });
    expect(await runJobs({ day: DAY, jobs: [job], force: true })).toEqual([{ name: job.name, status: "done", result: { touched: 2 } }]);

    const other = countingJob({ durationMs: 300 });
    const [scheduled, byHand] = await Promise.all([
      runJobs({ day: DAY, jobs: [other.job] }),
      sleep(50).then(() => runJobs({ day: DAY, jobs: [other.job], force: true })),
    ]);
    expect(scheduled[0]!.status).toBe("done");
    expect(byHand[0]).toMatchObject({ status: "skipped", reason: "running in another process" });
    expect(other.runs).toHaveLength(1);
    expect(runs).toHaveLength(2);
  });

  it("takes over a run whose process died (its lease expired), and the dead run cannot write back", async () => {
    const { job, runs } = countingJob();
    const day = new Date(`${DAY}T00:00:00Z`);
    // A claim left behind by a crashed process, an hour and more ago.
    await prisma.jobRun.create({
      data: {
        name: job.name,
        day,
        status: "RUNNING",
        attempts: 1,
        startedAt: new Date(Date.now() - 2 * 3600_000),
        lockedUntil: new Date(Date.now() - 3600_000),
      },
    });

    expect(await runJobs({ day: DAY, jobs: [job] })).toEqual([{ name: job.name, status: "done", result: { touched: 1 } }]);
    expect(runs).toHaveLength(1);
    expect(await prisma.jobRun.findUniqueOrThrow({ where: { name_day: { name: job.name, day } } })).toMatchObject({
      status: "DONE",
      attempts: 2,
    });
  });
});
