/**
 * Archiving (issue 10): by hand, one application or many, each guarded on its own; unarchived by
 * any later status change, the accept cascade included; and the daily job, run twice with --as-of.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createApplication, createCandidate, createMember, createOrganization, createScenario } from "@/test/fixtures";
import { archiveApplications, archiveUntouchedApplications, unarchiveApplications } from "@/lib/applications/archive";
import { getApplicationForMember } from "@/lib/applications/detail";
import { fire } from "@/lib/applications/transitions-test-utils";
import { runJobs } from "@/lib/jobs/runner";
import { archivingJob } from "@/lib/applications/archive";
import { startOfDay } from "@/lib/jobs/day";
import { APPLICATION_STATUSES, type ApplicationStatus } from "@/lib/status";
import { DAY_MS } from "@/lib/time";

let scenario: Awaited<ReturnType<typeof createScenario>>;
beforeAll(async () => {
  scenario = await createScenario();
});

async function applicationIn(status: ApplicationStatus, extra: { statusChangedAt?: Date; updatedAt?: Date; archivedAt?: Date } = {}) {
  const candidate = await createCandidate();
  const application = await createApplication({
    candidateId: candidate.id,
    sender: scenario.prescriber.ctx,
    employerOrganizationId: scenario.employerOrg.id,
    status,
  });
  if (extra.statusChangedAt || extra.archivedAt) await prisma.jobApplication.update({ where: { id: application.id }, data: extra });
  return { candidate, application };
}

const row = (id: string) =>
  prisma.jobApplication.findUniqueOrThrow({
    where: { id },
    select: { status: true, archivedAt: true, archivedById: true, updatedAt: true },
  });

describe("archiving by hand", () => {
  it.each(APPLICATION_STATUSES)(
    "%s: archived only when closed (REFUSED, CANCELLED, OBSOLETE), recording when and by whom",
    async (status) => {
      const { application } = await applicationIn(status);
      const before = await row(application.id);
      const start = Date.now();
      const [outcome] = await archiveApplications(scenario.employer.ctx, [{ applicationId: application.id, status }]);
      const after = await row(application.id);
      if (["REFUSED", "CANCELLED", "OBSOLETE"].includes(status)) {
        expect(outcome).toEqual({ applicationId: application.id, ok: true, changed: true });
        expect(after.archivedById).toBe(scenario.employer.user.id);
        expect(after.archivedAt!.getTime()).toBeGreaterThanOrEqual(start - 1000);
        expect(after.status).toBe(status);
      } else {
        expect(outcome).toEqual({ applicationId: application.id, error: "not_allowed", status });
        expect(after).toEqual(before);
      }
    },
  );

  it("guards each application of a batch on its own and says what happened to each", async () => {
    const refused = await applicationIn("REFUSED");
    const cancelled = await applicationIn("CANCELLED");
    const movedMeanwhile = await applicationIn("ACCEPTED"); // the member saw it REFUSED
    const alreadyArchived = await applicationIn("OBSOLETE", { archivedAt: new Date("2026-01-01T10:00:00Z") });
    const otherEmployer = await createOrganization("EMPLOYER");
    const candidate = await createCandidate();
    const notOurs = await createApplication({
      candidateId: candidate.id,
      sender: scenario.prescriber.ctx,
      employerOrganizationId: otherEmployer.id,
      status: "REFUSED",
    });

    const outcomes = await archiveApplications(scenario.employer.ctx, [
      { applicationId: refused.application.id, status: "REFUSED" },
      { applicationId: movedMeanwhile.application.id, status: "REFUSED" },
      { applicationId: notOurs.id, status: "REFUSED" },
      { applicationId: alreadyArchived.application.id, status: "OBSOLETE" },
      { applicationId: cancelled.application.id, status: "CANCELLED" },
    ]);
    expect(outcomes).toEqual([
      { applicationId: refused.application.id, ok: true, changed: true },
      { applicationId: movedMeanwhile.application.id, error: "stale", status: "ACCEPTED" },
      { applicationId: notOurs.id, error: "not_found" },
      { applicationId: alreadyArchived.application.id, ok: true, changed: false },
      { applicationId: cancelled.application.id, ok: true, changed: true },
    ]);
    expect((await row(movedMeanwhile.application.id)).archivedAt).toBeNull();
    expect((await row(notOurs.id)).archivedAt).toBeNull();
    // Already archived: the first archiving (when, by whom) is kept.
    expect(await row(alreadyArchived.application.id)).toMatchObject({ archivedAt: new Date("2026-01-01T10:00:00Z"), archivedById: null });
  });

  it("lets only an active member of the receiving employer archive: the prescriber and a former member get not_found", async () => {
    const { application } = await applicationIn("REFUSED");
    const item = { applicationId: application.id, status: "REFUSED" as const };
    expect(await archiveApplications(scenario.prescriber.ctx, [item])).toEqual([{ applicationId: application.id, error: "not_found" }]);
    const former = await createMember(scenario.employerOrg);
    await prisma.membership.updateMany({ where: { userId: former.user.id }, data: { isActive: false } });
    expect(await archiveApplications(former.ctx, [item])).toEqual([{ applicationId: application.id, error: "not_found" }]);
    expect((await row(application.id)).archivedAt).toBeNull();
  });

  it("unarchives any archived application, and says so when it already is active", async () => {
    const { application } = await applicationIn("POSTPONED", { archivedAt: new Date() }); // as the daily job would
    const item = { applicationId: application.id, status: "POSTPONED" as const };
    expect(await unarchiveApplications(scenario.employer.ctx, [item])).toEqual([
      { applicationId: application.id, ok: true, changed: true },
    ]);
    expect(await row(application.id)).toMatchObject({ archivedAt: null, archivedById: null });
    expect(await unarchiveApplications(scenario.employer.ctx, [item])).toEqual([
      { applicationId: application.id, ok: true, changed: false },
    ]);
    expect(await unarchiveApplications(scenario.employer.ctx, [{ ...item, status: "NEW" }])).toEqual([
      { applicationId: application.id, error: "stale", status: "POSTPONED" },
    ]);
  });

  it("shows when and by whom on the employer's page of the application, never on the prescriber's", async () => {
    const { application } = await applicationIn("REFUSED");
    const { user } = scenario.employer;
    const active = await getApplicationForMember(scenario.employer.ctx, application.id);
    expect(active).toMatchObject({ archivedAt: null, archivedBy: null });

    const start = Date.now();
    await archiveApplications(scenario.employer.ctx, [{ applicationId: application.id, status: "REFUSED" }]);
    const employerPage = await getApplicationForMember(scenario.employer.ctx, application.id);
    expect(employerPage).toMatchObject({ archivedBy: { firstName: user.firstName, lastName: user.lastName } });
    expect(employerPage && "archivedAt" in employerPage && employerPage.archivedAt!.getTime()).toBeGreaterThanOrEqual(start - 1000);

    // Issue 10: the prescriber's reading has no archive fields at all, nor the archiver's name.
    const prescriberPage = await getApplicationForMember(scenario.prescriber.ctx, application.id);
    expect(prescriberPage?.id).toBe(application.id);
    expect(prescriberPage).not.toHaveProperty("archivedAt");
    expect(prescriberPage).not.toHaveProperty("archivedBy");
    expect(JSON.stringify(prescriberPage)).not.toContain(user.lastName);
  });
});

describe("any later status change unarchives", () => {
  it("an employer's decision: accepting an archived refused application brings it back to the active list", async () => {
    const { application } = await applicationIn("REFUSED");
    await archiveApplications(scenario.employer.ctx, [{ applicationId: application.id, status: "REFUSED" }]);
    expect(await fire("accept", scenario.employer.ctx, application.id, "REFUSED")).toMatchObject({ ok: true });
    expect(await row(application.id)).toMatchObject({ status: "ACCEPTED", archivedAt: null, archivedById: null });
  });

  it("the cascade of an accept elsewhere: an archived pending application becomes OBSOLETE and active again", async () => {
    const candidate = await createCandidate();
    const archivedHere = await createApplication({
      candidateId: candidate.id,
      sender: scenario.prescriber.ctx,
      employerOrganizationId: scenario.employerOrg.id,
      status: "POSTPONED",
    });
    await prisma.jobApplication.update({ where: { id: archivedHere.id }, data: { archivedAt: new Date() } });
    const otherEmployer = await createOrganization("EMPLOYER");
    const otherMember = await createMember(otherEmployer);
    const elsewhere = await createApplication({
      candidateId: candidate.id,
      sender: scenario.prescriber.ctx,
      employerOrganizationId: otherEmployer.id,
      status: "NEW",
    });
    expect(await fire("accept", otherMember.ctx, elsewhere.id, "NEW")).toMatchObject({ ok: true });
    expect(await row(archivedHere.id)).toMatchObject({ status: "OBSOLETE", archivedAt: null });
  });

  it("a status change moves the clock of the daily jobs", async () => {
    const old = new Date("2026-01-01T00:00:00Z");
    const { application } = await applicationIn("NEW", { statusChangedAt: old });
    await fire("process", scenario.employer.ctx, application.id, "NEW");
    const processed = await prisma.jobApplication.findUniqueOrThrow({ where: { id: application.id } });
    expect(processed.statusChangedAt.getTime()).toBeGreaterThan(old.getTime());
  });
});

describe("the daily archiving job", () => {
  const DAY = "2027-03-01";
  const asOf = startOfDay(DAY);
  const daysBefore = (days: number, extraMs = 0) => new Date(asOf.getTime() - days * DAY_MS + extraMs);

  it("archives what is not accepted and unchanged for 180 days; a second run for the day changes nothing more", async () => {
    const employerOrg = await createOrganization("EMPLOYER");
    const make = async (status: ApplicationStatus, statusChangedAt: Date) => {
      const candidate = await createCandidate();
      const application = await createApplication({
        candidateId: candidate.id,
        sender: scenario.prescriber.ctx,
        employerOrganizationId: employerOrg.id,
        status,
      });
      // Untouched since: no status change and no other write.
      await prisma.jobApplication.update({ where: { id: application.id }, data: { statusChangedAt, updatedAt: statusChangedAt } });
      return application.id;
    };
    const due = await Promise.all(
      (["NEW", "PROCESSING", "POSTPONED", "REFUSED", "CANCELLED", "OBSOLETE"] as const).map((status) => make(status, daysBefore(180))),
    );
    const accepted = await make("ACCEPTED", daysBefore(400));
    const tooRecent = await make("REFUSED", daysBefore(180, 1));
    // Its status is old, but a member took it over last month.
    const touched = await make("PROCESSING", daysBefore(300));
    await prisma.jobApplication.update({ where: { id: touched }, data: { updatedAt: daysBefore(30) } });
    const mine = [...due, accepted, tooRecent, touched];

    const [first] = await runJobs({ day: DAY, jobs: [archivingJob], force: true });
    expect(first).toMatchObject({ status: "done" });
    const archived = await prisma.jobApplication.findMany({
      where: { id: { in: mine }, archivedAt: { not: null } },
      select: { id: true, archivedById: true, archivedAt: true },
    });
    expect(archived.map((a) => a.id).sort()).toEqual([...due].sort());
    expect(archived.every((a) => a.archivedById === null)).toBe(true);

    const snapshot = await prisma.jobApplication.findMany({ where: { id: { in: mine } }, orderBy: { id: "asc" } });
    const [second] = await runJobs({ day: DAY, jobs: [archivingJob], force: true });
    expect(second).toEqual({ name: "archiving", status: "done", result: { archived: 0 } });
    expect(await prisma.jobApplication.findMany({ where: { id: { in: mine } }, orderBy: { id: "asc" } })).toEqual(snapshot);
  });

  it("does not archive again the next night what a member unarchived", async () => {
    const old = daysBefore(200);
    const { application } = await applicationIn("REFUSED", { statusChangedAt: old, updatedAt: old });
    await archiveUntouchedApplications(prisma, asOf);
    expect((await row(application.id)).archivedAt).not.toBeNull();
    await unarchiveApplications(scenario.employer.ctx, [{ applicationId: application.id, status: "REFUSED" }]);
    await archiveUntouchedApplications(prisma, new Date(asOf.getTime() + DAY_MS));
    expect((await row(application.id)).archivedAt).toBeNull();
  });
});
