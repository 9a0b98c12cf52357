/**
 * The counters (issue 12): after every kind of write to applications — a send, each decision, the
 * accept cascade, a take-over, a batch, archiving by hand and by the daily job, the automatic
 * refusal — ApplicationCount holds exactly what a count of the applications says, in the same
 * transaction; and the daily "application-counts" job repairs a counter that drifted.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { createApplication, createCandidate, createMember, createOrganization, createScenario, filterOptions } from "@/test/fixtures";
import { sendApplication } from "@/lib/applications/send";
import { BASE_URL, CANDIDATE_ANSWER, PRIVATE_MESSAGE, fire } from "@/lib/applications/transitions-test-utils";
import { takeOverApplication } from "@/lib/applications/transitions";
import { decideBatch } from "@/lib/applications/batch";
import { batchDecisionSchema } from "@/lib/applications/batch-validation";
import { archiveApplications, archiveUntouchedApplications, unarchiveApplications } from "@/lib/applications/archive";
import { refuseUnansweredApplications } from "@/lib/applications/auto-refusal";
import { applicationCountsJob, readStatusCounts } from "@/lib/applications/counts";
import { runJobs } from "@/lib/jobs/runner";
import { dayAt } from "@/lib/jobs/day";
import { APPLICATION_STATUSES, type ApplicationStatus } from "@/lib/status";
import { DAY_MS } from "@/lib/time";

vi.hoisted(() => vi.stubEnv("RESEND_API_KEY", ""));

let s: Awaited<ReturnType<typeof createScenario>>;
let colleague: Awaited<ReturnType<typeof createMember>>;
beforeAll(async () => {
  s = await createScenario();
  colleague = await createMember(s.employerOrg);
});

type Key = string;
const key = (org: string, side: string, status: string, archived: boolean): Key => `${org} ${side} ${status} ${archived}`;

/** The counters of these organisations against a count of their applications (zero rows left out). */
async function expectExact(orgIds: string[] = [s.employerOrg.id, s.prescriberOrg.id]) {
  const apps = await prisma.jobApplication.findMany({
    where: { OR: [{ employerOrganizationId: { in: orgIds } }, { senderOrganizationId: { in: orgIds } }] },
    select: { employerOrganizationId: true, senderOrganizationId: true, status: true, archivedAt: true },
  });
  const truth = new Map<Key, number>();
  const add = (k: Key) => truth.set(k, (truth.get(k) ?? 0) + 1);
  for (const app of apps) {
    if (orgIds.includes(app.employerOrganizationId)) add(key(app.employerOrganizationId, "EMPLOYER", app.status, app.archivedAt !== null));
    if (orgIds.includes(app.senderOrganizationId)) add(key(app.senderOrganizationId, "PRESCRIBER", app.status, app.archivedAt !== null));
  }
  const rows = await prisma.applicationCount.findMany({ where: { organizationId: { in: orgIds }, count: { not: 0 } } });
  const counters = new Map(rows.map((row) => [key(row.organizationId, row.side, row.status, row.archived), row.count]));
  expect(counters).toEqual(truth);
  return truth;
}

async function application(status: ApplicationStatus = "NEW", employerOrganizationId = s.employerOrg.id) {
  const candidate = await createCandidate();
  return createApplication({ candidateId: candidate.id, sender: s.prescriber.ctx, employerOrganizationId, status });
}

describe("counters stay exact after each writer", () => {
  it("a send (and the builders' inserts), with the employer's sender choice", async () => {
    await application("PROCESSING");
    const result = await sendApplication(
      s.prescriber.ctx,
      {
        candidateMode: "new",
        firstName: "Léa",
        lastName: "Compteur",
        message: "Bonjour, une candidature pour le compteur.",
        employerOrganizationId: s.employerOrg.id,
        spontaneous: true,
      },
      { baseUrl: BASE_URL },
    );
    expect(result).toMatchObject({ ok: true });
    const truth = await expectExact();
    expect(truth.get(key(s.employerOrg.id, "EMPLOYER", "NEW", false))).toBeGreaterThanOrEqual(1);
    expect(await filterOptions(s.employer.ctx, "prescriberOrganization")).toEqual([
      { id: s.prescriberOrg.id, label: s.prescriberOrg.name },
    ]);
    // And the prescriber's own filter choices: the employers it applied to, the members who sent.
    expect(await filterOptions(s.prescriber.ctx, "employer")).toEqual([
      { id: s.employerOrg.id, label: s.employerOrg.city ? `${s.employerOrg.name} (${s.employerOrg.city})` : s.employerOrg.name },
    ]);
    expect((await filterOptions(s.prescriber.ctx, "sender")).map((user) => user.id)).toEqual([s.prescriber.user.id]);
  });

  it('a member who left stays among the prescriber\'s "Envoyée par" choices while their applications remain', async () => {
    const leaver = await createMember(s.prescriberOrg);
    const candidate = await createCandidate();
    await createApplication({ candidateId: candidate.id, sender: leaver.ctx, employerOrganizationId: s.employerOrg.id });
    await prisma.membership.updateMany({ where: { userId: leaver.user.id }, data: { isActive: false } });
    expect((await filterOptions(s.prescriber.ctx, "sender")).map((user) => user.id)).toContain(leaver.user.id);
    expect(await prisma.organizationSender.findMany({ where: { organizationId: s.prescriberOrg.id }, select: { userId: true } })).toEqual(
      expect.arrayContaining([{ userId: leaver.user.id }]),
    );
  });

  it.each(["process", "postpone", "refuse", "accept"] as const)("the decision %s from NEW", async (transition) => {
    const app = await application();
    expect(await fire(transition, s.employer.ctx, app.id, "NEW")).toMatchObject({ ok: true });
    await expectExact();
  });

  it("cancel, and the accept cascade that renders another employer's application obsolete", async () => {
    const other = await createOrganization("EMPLOYER");
    const candidate = await createCandidate();
    const here = await createApplication({ candidateId: candidate.id, sender: s.prescriber.ctx, employerOrganizationId: s.employerOrg.id });
    const there = await createApplication({ candidateId: candidate.id, sender: s.prescriber.ctx, employerOrganizationId: other.id });
    expect(await fire("accept", s.employer.ctx, here.id, "NEW")).toMatchObject({ ok: true });
    expect(await prisma.jobApplication.findUniqueOrThrow({ where: { id: there.id } })).toMatchObject({ status: "OBSOLETE" });
    await expectExact([s.employerOrg.id, s.prescriberOrg.id, other.id]);
    expect(await fire("cancel", s.employer.ctx, here.id, "ACCEPTED")).toMatchObject({ ok: true });
    await expectExact([s.employerOrg.id, s.prescriberOrg.id, other.id]);
  });

  it("a take-over adds the colleague to the handler choices (no count moves)", async () => {
    const app = await application();
    expect(await fire("process", s.employer.ctx, app.id, "NEW")).toMatchObject({ ok: true });
    expect(await takeOverApplication(colleague.ctx, { applicationId: app.id, status: "PROCESSING" })).toMatchObject({ ok: true });
    await expectExact();
    expect(
      await prisma.employerHandler.findMany({ where: { employerOrganizationId: s.employerOrg.id }, select: { userId: true } }),
    ).toEqual(expect.arrayContaining([{ userId: s.employer.user.id }, { userId: colleague.user.id }]));
    expect((await filterOptions(s.employer.ctx, "handler")).map((user) => user.id).sort()).toEqual(
      [s.employer.user.id, colleague.user.id].sort(),
    );
  });

  it("a batch refusal", async () => {
    const apps = [await application(), await application(), await application()];
    const input = batchDecisionSchema.parse({
      action: "refuse",
      items: apps.map((app) => ({ applicationId: app.id, status: "NEW" })),
      refusalReason: "NO_POSITION",
      answerToCandidate: CANDIDATE_ANSWER,
      answerToPrescriber: PRIVATE_MESSAGE,
    });
    const result = await decideBatch(s.employer.ctx, input, { baseUrl: BASE_URL });
    expect(result.outcomes.every((outcome) => outcome.ok)).toBe(true);
    await expectExact();
  });

  it("archiving and unarchiving by hand, and a decision that unarchives", async () => {
    const app = await application("REFUSED");
    await archiveApplications(s.employer.ctx, [{ applicationId: app.id, status: "REFUSED" }]);
    const truth = await expectExact();
    expect(truth.get(key(s.employerOrg.id, "EMPLOYER", "REFUSED", true))).toBeGreaterThanOrEqual(1);
    expect((await readStatusCounts(s.employer.ctx, "archived")).REFUSED).toBe(
      truth.get(key(s.employerOrg.id, "EMPLOYER", "REFUSED", true)),
    );
    await unarchiveApplications(s.employer.ctx, [{ applicationId: app.id, status: "REFUSED" }]);
    await expectExact();
    await archiveApplications(s.employer.ctx, [{ applicationId: app.id, status: "REFUSED" }]);
    expect(await fire("accept", s.employer.ctx, app.id, "REFUSED")).toMatchObject({ ok: true });
    await expectExact();
  });

  it("the daily archiving and the automatic refusal", async () => {
    const old = new Date(Date.now() - 400 * DAY_MS);
    const closed = await application("REFUSED");
    const waiting = await application("NEW");
    await prisma.jobApplication.updateMany({
      where: { id: { in: [closed.id, waiting.id] } },
      data: { statusChangedAt: old, updatedAt: old },
    });
    await prisma.jobApplication.update({ where: { id: waiting.id }, data: { autoRefusalWarnedAt: new Date(old.getTime() + DAY_MS) } });
    await refuseUnansweredApplications(prisma, new Date(), { baseUrl: BASE_URL });
    expect(await prisma.jobApplication.findUniqueOrThrow({ where: { id: waiting.id } })).toMatchObject({ status: "REFUSED" });
    await expectExact();
    await archiveUntouchedApplications(prisma, new Date());
    expect((await prisma.jobApplication.findUniqueOrThrow({ where: { id: closed.id } })).archivedAt).not.toBeNull();
    await expectExact();
  });

  it("one statement over many rows (an UPDATE from several statuses, a DELETE), summed per counter", async () => {
    const apps = [await application("NEW"), await application("PROCESSING"), await application("POSTPONED"), await application("REFUSED")];
    await prisma.jobApplication.updateMany({ where: { id: { in: apps.map((app) => app.id) } }, data: { status: "OBSOLETE" } });
    await expectExact();
    await prisma.jobApplication.updateMany({ where: { id: { in: apps.map((app) => app.id) } }, data: { archivedAt: new Date() } });
    await expectExact();
    await prisma.applicationEvent.deleteMany({ where: { applicationId: { in: apps.map((app) => app.id) } } });
    await prisma.outboxEmail.deleteMany({ where: { applicationId: { in: apps.map((app) => app.id) } } });
    await prisma.jobApplication.deleteMany({ where: { id: { in: apps.slice(0, 2).map((app) => app.id) } } });
    await expectExact();
  });

  it("the prescriber's counts ignore archiving; the employer's default to active ones", async () => {
    const truth = await expectExact();
    const sum = (org: string, side: string, status: ApplicationStatus, archived: boolean[]) =>
      archived.reduce((n, a) => n + (truth.get(key(org, side, status, a)) ?? 0), 0);
    const prescriber = await readStatusCounts(s.prescriber.ctx, "active");
    const employer = await readStatusCounts(s.employer.ctx, "active");
    for (const status of APPLICATION_STATUSES) {
      expect(prescriber[status]).toBe(sum(s.prescriberOrg.id, "PRESCRIBER", status, [false, true]));
      expect(employer[status]).toBe(sum(s.employerOrg.id, "EMPLOYER", status, [false]));
    }
  });
});

describe("the daily check", () => {
  it("repairs a drifted counter, a lost one and a lost filter choice, and a second run changes nothing", async () => {
    const app = await application("POSTPONED");
    const handled = await application("NEW");
    expect(await fire("process", colleague.ctx, handled.id, "NEW")).toMatchObject({ ok: true });
    const before = await expectExact();
    // Drift by hand, the way a bug or a manual fix behind the trigger's back would.
    await prisma.$executeRaw`ALTER TABLE "JobApplication" DISABLE TRIGGER "JobApplication_counts_update"`;
    try {
      await prisma.jobApplication.update({ where: { id: app.id }, data: { status: "REFUSED" } });
    } finally {
      await prisma.$executeRaw`ALTER TABLE "JobApplication" ENABLE TRIGGER "JobApplication_counts_update"`;
    }
    await prisma.applicationCount.updateMany({
      where: { organizationId: s.employerOrg.id, side: "EMPLOYER", status: "NEW" },
      data: { count: { increment: 7 } },
    });
    await prisma.applicationCount.deleteMany({ where: { organizationId: s.prescriberOrg.id, side: "PRESCRIBER", status: "PROCESSING" } });
    await prisma.employerHandler.deleteMany({ where: { employerOrganizationId: s.employerOrg.id, userId: colleague.user.id } });
    await expect(expectExact()).rejects.toThrow();

    const [outcome] = await runJobs({ day: dayAt(new Date()), jobs: [applicationCountsJob], force: true });
    expect(outcome).toMatchObject({ status: "done" });
    const after = await expectExact();
    expect(after.get(key(s.employerOrg.id, "EMPLOYER", "REFUSED", false))).toBe(
      (before.get(key(s.employerOrg.id, "EMPLOYER", "REFUSED", false)) ?? 0) + 1,
    );
    expect((await filterOptions(s.employer.ctx, "handler")).map((user) => user.id)).toContain(colleague.user.id);

    const [again] = await runJobs({ day: dayAt(new Date()), jobs: [applicationCountsJob], force: true });
    expect(again).toMatchObject({
      status: "done",
      result: { countersRepaired: 0, senderChoicesAdded: 0, handlerChoicesAdded: 0, senderUserChoicesAdded: 0 },
    });
  });
});
