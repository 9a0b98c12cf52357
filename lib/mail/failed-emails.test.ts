/** "E-mails non remis" on a real database: who sees which FAILED rows, and what "Renvoyer" writes. */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import { listFailedEmails, readSendingPause, retryFailedEmail } from "@/lib/mail/failed-emails";
import { pauseDelivery, resumeDelivery } from "@/lib/mail/delivery-state";
import { retryFailedEmailSchema } from "@/lib/mail/failed-emails-validation";
import { deliverEmails } from "@/lib/mail/sender";
import { createApplication, createMember, createOrganization, createScenario } from "@/test/fixtures";
import { startResendStub, type ResendStub } from "@/test/resend-stub";

// lib/env.ts reads the environment once, at import: the key must be set before any import runs.
vi.hoisted(() => {
  vi.stubEnv("RESEND_API_KEY", "re_test_stub_key");
  // The pace is tested in sender.test.ts; here it would only slow the file down.
  vi.stubEnv("RESEND_RATE_LIMIT", "1000");
});

let stub: ResendStub;
beforeAll(async () => {
  stub = await startResendStub();
  vi.stubEnv("RESEND_BASE_URL", stub.url);
});
afterAll(async () => {
  await stub.close();
  vi.unstubAllEnvs();
});

function outboxRow(input: {
  status?: "PENDING" | "SENT" | "FAILED";
  applicationId?: string;
  userId?: string;
  to?: string;
  createdAt?: Date;
}) {
  const key = randomUUID();
  return prisma.outboxEmail.create({
    data: {
      to: input.to ?? `destinataire-${key.slice(0, 8)}@mail.test`,
      template: input.userId && !input.applicationId ? "sign_in" : "application_received",
      subject: `Sujet ${key.slice(0, 8)}`,
      text: "Texte",
      html: "<p>HTML</p>",
      status: input.status ?? "FAILED",
      attempts: input.status === "PENDING" ? 0 : 3,
      error: input.status === "SENT" ? null : "422 validation_error: Invalid `to` field.",
      idempotencyKey: `test-${key}`,
      applicationId: input.applicationId,
      userId: input.userId,
      createdAt: input.createdAt,
    },
  });
}

async function scenarioWithApplication() {
  const scenario = await createScenario();
  const application = await createApplication({
    candidateId: scenario.candidate.id,
    sender: scenario.prescriber.ctx,
    employerOrganizationId: scenario.employerOrg.id,
  });
  return { ...scenario, application };
}

const idsOf = (rows: { id: string }[] | null) => rows?.map((row) => row.id);

describe("listFailedEmails", () => {
  it("shows an admin of the receiving employer the FAILED emails of its applications, newest first, with what the page needs", async () => {
    const { employer, application } = await scenarioWithApplication();
    const older = await outboxRow({ applicationId: application.id, createdAt: new Date(Date.now() - 60_000) });
    const toTeam = await outboxRow({ applicationId: application.id, userId: employer.user.id });
    await outboxRow({ applicationId: application.id, status: "SENT" });
    await outboxRow({ applicationId: application.id, status: "PENDING" });

    const rows = await listFailedEmails(employer.ctx);
    expect(idsOf(rows)).toEqual([toTeam.id, older.id]);
    expect(rows?.[1]).toEqual({
      id: older.id,
      to: older.to,
      subject: older.subject,
      template: "application_received",
      attempts: 3,
      error: "422 validation_error: Invalid `to` field.",
      createdAt: older.createdAt,
      applicationId: application.id,
      bodyPurgedAt: null,
    });
  });

  it("answers null to a member who is not an admin", async () => {
    const { employerOrg, application } = await scenarioWithApplication();
    await outboxRow({ applicationId: application.id });
    const colleague = await createMember(employerOrg, "MEMBER");
    expect(await listFailedEmails(colleague.ctx)).toBeNull();
  });

  it("tells admins, and admins only, since when sending is paused by a configuration error", async () => {
    const { employer, employerOrg } = await scenarioWithApplication();
    const colleague = await createMember(employerOrg, "MEMBER");
    const since = new Date("2026-11-29T08:00:00Z");
    try {
      expect(await readSendingPause(employer.ctx)).toBeNull();
      await pauseDelivery(prisma, since, "401 invalid_api_key: API key is invalid");
      expect(await readSendingPause(employer.ctx)).toEqual(since);
      expect(await readSendingPause(colleague.ctx)).toBeNull();
    } finally {
      await resumeDelivery(prisma);
    }
  });

  it("never lists another organisation's rows", async () => {
    const { employerOrg, application } = await scenarioWithApplication();
    await outboxRow({ applicationId: application.id });
    const otherEmployer = await createMember(await createOrganization("EMPLOYER"), "ADMIN");
    const otherPrescriber = await createMember(await createOrganization("PRESCRIBER"), "ADMIN");
    expect(await listFailedEmails(otherEmployer.ctx)).toEqual([]);
    expect(await listFailedEmails(otherPrescriber.ctx)).toEqual([]);

    // Someone of both organisations: the application email concerns the employer only, not their other organisation.
    const colleague = await createMember(employerOrg, "MEMBER");
    await prisma.membership.create({ data: { userId: colleague.user.id, organizationId: otherEmployer.ctx.organizationId } });
    await outboxRow({ applicationId: application.id, userId: colleague.user.id });
    expect(await listFailedEmails(otherEmployer.ctx)).toEqual([]);
  });

  it("shows the prescriber's admin the candidate's and its own people's emails, not the employer team's", async () => {
    const { prescriberOrg, prescriber, employer, application } = await scenarioWithApplication();
    const admin = await createMember(prescriberOrg, "ADMIN");
    const toCandidate = await outboxRow({ applicationId: application.id });
    const toSender = await outboxRow({ applicationId: application.id, userId: prescriber.user.id });
    await outboxRow({ applicationId: application.id, userId: employer.user.id });
    expect(idsOf(await listFailedEmails(admin.ctx))?.sort()).toEqual([toCandidate.id, toSender.id].sort());
  });

  it("shows a sign-in email to the admins of its recipient's organisations while they are active members", async () => {
    const { employerOrg, employer } = await createScenario();
    const colleague = await createMember(employerOrg, "MEMBER");
    const signIn = await outboxRow({ userId: colleague.user.id });
    expect(idsOf(await listFailedEmails(employer.ctx))).toEqual([signIn.id]);

    await prisma.membership.updateMany({ where: { userId: colleague.user.id }, data: { isActive: false } });
    expect(await listFailedEmails(employer.ctx)).toEqual([]);
  });
});

describe("retryFailedEmail", () => {
  it("queues a FAILED row again: PENDING, error cleared, due now, attempts reset; a second retry is a no-op", async () => {
    const { employer, application } = await scenarioWithApplication();
    const row = await outboxRow({ applicationId: application.id });
    await prisma.outboxEmail.update({
      where: { id: row.id },
      data: { lockedUntil: new Date(Date.now() + 60_000), nextAttemptAt: new Date(Date.now() + 3_600_000) },
    });

    expect(await retryFailedEmail(employer.ctx, row.id)).toEqual({ ok: true, emailIds: [row.id] });
    const queued = await prisma.outboxEmail.findUniqueOrThrow({ where: { id: row.id } });
    expect(queued).toMatchObject({ status: "PENDING", error: null, attempts: 0, lockedUntil: null, idempotencyKey: row.idempotencyKey });
    expect(queued.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await listFailedEmails(employer.ctx)).toEqual([]);

    expect(await retryFailedEmail(employer.ctx, row.id)).toEqual({ error: "not_failed" });
    expect(await prisma.outboxEmail.findUniqueOrThrow({ where: { id: row.id } })).toEqual(queued);
  });

  it("lets the sender deliver the queued row right away", async () => {
    const { employer, application } = await scenarioWithApplication();
    const row = await outboxRow({ applicationId: application.id });
    const result = await retryFailedEmail(employer.ctx, row.id);
    if (!("ok" in result)) throw new Error("retry refused");
    expect(await deliverEmails(result.emailIds)).toMatchObject({ sent: 1, retried: 0, failed: 0 });
    expect(await prisma.outboxEmail.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "SENT",
      attempts: 1,
      error: null,
    });
    expect(stub.delivered().filter((email) => email.to === row.to)).toHaveLength(1);
  });

  it("answers not_found, and writes nothing, to another organisation's admin, to a non-admin and for an unknown id", async () => {
    const { employerOrg, application } = await scenarioWithApplication();
    const row = await outboxRow({ applicationId: application.id });
    const otherAdmin = await createMember(await createOrganization("EMPLOYER"), "ADMIN");
    const colleague = await createMember(employerOrg, "MEMBER");

    expect(await retryFailedEmail(otherAdmin.ctx, row.id)).toEqual({ error: "not_found" });
    expect(await retryFailedEmail(colleague.ctx, row.id)).toEqual({ error: "not_found" });
    expect(await retryFailedEmail(otherAdmin.ctx, "unknown-id")).toEqual({ error: "not_found" });
    expect(await prisma.outboxEmail.findUniqueOrThrow({ where: { id: row.id } })).toEqual(row);
  });
});

describe("retryFailedEmailSchema", () => {
  it("takes one id and refuses an empty or missing one", () => {
    expect(retryFailedEmailSchema.safeParse({ id: " abc " }).data).toEqual({ id: "abc" });
    expect(retryFailedEmailSchema.safeParse({ id: "" }).success).toBe(false);
    expect(retryFailedEmailSchema.safeParse({ id: null }).success).toBe(false);
  });
});
