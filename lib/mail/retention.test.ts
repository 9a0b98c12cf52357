/**
 * E-mail retention on a real database, through the daily jobs runner and through `npm run jobs`
 * itself: sign-in emails go after 24 h, bodies after 90 days, the rest of the row stays, and a
 * second run for the same day changes nothing more.
 */
import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { prisma } from "@/lib/db";
import { dayAt, startOfDay } from "@/lib/jobs/day";
import { JOBS } from "@/lib/jobs/registry";
import { runJobs } from "@/lib/jobs/runner";
import { retryFailedEmail } from "@/lib/mail/failed-emails";
import { createMember, createOrganization } from "@/test/fixtures";

const HOUR = 3600_000;
const DAY_MS = 24 * HOUR;

function outboxRow(input: { template?: string; createdAt: Date; status?: "PENDING" | "SENT" | "FAILED"; userId?: string }) {
  const key = randomUUID();
  return prisma.outboxEmail.create({
    data: {
      to: `retention-${key.slice(0, 8)}@mail.test`,
      template: input.template ?? "application_refused",
      subject: `Sujet ${key.slice(0, 8)}`,
      text: `Texte ${key}`,
      html: `<p>HTML ${key}</p>`,
      status: input.status ?? "SENT",
      idempotencyKey: `test-${key}`,
      createdAt: input.createdAt,
      sentAt: input.status === "SENT" || !input.status ? input.createdAt : null,
      userId: input.userId,
    },
  });
}

/** Emails on both sides of each line, as of the start of `day`. */
async function emailsAround(day: string) {
  const asOf = startOfDay(day);
  const ago = (ms: number) => new Date(asOf.getTime() - ms);
  return {
    oldSignIn: await outboxRow({ template: "sign_in", createdAt: ago(25 * HOUR) }),
    recentSignIn: await outboxRow({ template: "sign_in", createdAt: ago(23 * HOUR) }),
    oldEmail: await outboxRow({ createdAt: ago(91 * DAY_MS) }),
    recentEmail: await outboxRow({ createdAt: ago(89 * DAY_MS) }),
  };
}

const byId = (ids: string[]) => prisma.outboxEmail.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });

describe("the email-retention job", () => {
  it("deletes sign-in emails older than 24 h and empties bodies older than 90 days, keeping the rest of the row", async () => {
    const day = dayAt(new Date());
    const rows = await emailsAround(day);

    const [outcome] = await runJobs({ day, jobs: JOBS.filter((job) => job.name === "email-retention"), force: true });
    expect(outcome!.status).toBe("done");

    expect(await prisma.outboxEmail.findUnique({ where: { id: rows.oldSignIn.id } })).toBeNull();
    expect(await prisma.outboxEmail.findUnique({ where: { id: rows.recentSignIn.id } })).toMatchObject({
      text: rows.recentSignIn.text,
      bodyPurgedAt: null,
    });
    expect(await prisma.outboxEmail.findUnique({ where: { id: rows.recentEmail.id } })).toMatchObject({
      text: rows.recentEmail.text,
      html: rows.recentEmail.html,
      bodyPurgedAt: null,
    });

    const purged = await prisma.outboxEmail.findUniqueOrThrow({ where: { id: rows.oldEmail.id } });
    expect(purged).toMatchObject({ text: "", html: "" });
    expect(purged.bodyPurgedAt).toBeInstanceOf(Date);
    const kept = ["to", "subject", "template", "status", "createdAt", "sentAt", "idempotencyKey"] as const;
    for (const field of kept) expect(purged[field]).toEqual(rows.oldEmail[field]);

    // Running again for the same day: nothing more to do, nothing changes.
    const before = await byId(Object.values(rows).map((row) => row.id));
    const [again] = await runJobs({ day, jobs: JOBS, force: true });
    expect(again).toEqual({ name: "email-retention", status: "done", result: { signInEmailsDeleted: 0, bodiesPurged: 0 } });
    expect(await byId(Object.values(rows).map((row) => row.id))).toEqual(before);
  });

  it("never sends again, nor lets an admin send again, an email whose body was purged", async () => {
    const organization = await createOrganization("EMPLOYER");
    const admin = await createMember(organization, "ADMIN");
    const day = dayAt(new Date());
    const failed = await outboxRow({
      status: "FAILED",
      createdAt: new Date(startOfDay(day).getTime() - 100 * DAY_MS),
      userId: admin.user.id,
    });

    await runJobs({ day, jobs: JOBS, force: true });

    expect(await prisma.outboxEmail.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({
      status: "FAILED",
      text: "",
      html: "",
    });
    expect(await retryFailedEmail(admin.ctx, failed.id)).toEqual({ error: "purged" });
    expect((await prisma.outboxEmail.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe("FAILED");
  });
});

const run = promisify(execFile);

/** `npm run jobs -- …` exactly as package.json runs it, against this test database (or none). */
async function npmRunJobs(args: string[], databaseUrl: string | undefined) {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  try {
    const { stdout, stderr } = await run("npm", ["run", "--silent", "jobs", "--", ...args], { env, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

describe("npm run jobs", () => {
  it("runs the jobs as of the given day, and a second run changes nothing more", async () => {
    const day = "2031-06-15";
    const rows = await emailsAround(day);

    const first = await npmRunJobs(["email-retention", "--as-of", day], process.env.DATABASE_URL);
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toMatch(/email-retention \(2031-06-15\): done — signInEmailsDeleted=\d+, bodiesPurged=\d+/);
    expect(await prisma.outboxEmail.findUnique({ where: { id: rows.oldSignIn.id } })).toBeNull();
    expect((await prisma.outboxEmail.findUniqueOrThrow({ where: { id: rows.oldEmail.id } })).text).toBe("");
    expect((await prisma.outboxEmail.findUniqueOrThrow({ where: { id: rows.recentEmail.id } })).text).toBe(rows.recentEmail.text);

    const second = await npmRunJobs(["--as-of", day], process.env.DATABASE_URL);
    expect(second).toMatchObject({ code: 0 });
    expect(second.stdout).toContain("email-retention (2031-06-15): done — signInEmailsDeleted=0, bodiesPurged=0");
  }, 240_000);

  it("says plainly that it needs DATABASE_URL when the app runs on the embedded database", async () => {
    const result = await npmRunJobs([], undefined);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("npm run jobs needs DATABASE_URL");
    expect(result.stderr).toContain("PGlite");
    expect(result.stderr).toContain("npm run jobs a besoin de DATABASE_URL");
  }, 120_000);
});
