import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { APPLICATION_STATUSES } from "@/lib/status";
import { DEMO_ORGANIZATIONS, DEMO_USERS } from "../demo";
import { seedDemoData } from "../seed";

const demoOrgIds = Object.values(DEMO_ORGANIZATIONS).map((org) => org.id);
const demoApplications = () =>
  prisma.jobApplication.findMany({ where: { employerOrganizationId: { in: demoOrgIds } }, include: { candidate: true } });

describe("demo data (DESIGN §8)", () => {
  it("is idempotent and covers every status, both prescriber organisations and both employers", async () => {
    await seedDemoData(prisma);
    const counts = {
      users: await prisma.user.count(),
      applications: (await demoApplications()).length,
      events: await prisma.applicationEvent.count(),
    };
    await seedDemoData(prisma);
    expect({
      users: await prisma.user.count(),
      applications: (await demoApplications()).length,
      events: await prisma.applicationEvent.count(),
    }).toEqual(counts);

    const applications = await demoApplications();
    expect(applications.length).toBeGreaterThanOrEqual(30);
    expect(new Set(applications.map((a) => a.status))).toEqual(new Set(APPLICATION_STATUSES));
    const pairs = new Set(applications.map((a) => `${a.senderOrganizationId}>${a.employerOrganizationId}`));
    for (const sender of [DEMO_ORGANIZATIONS.FT.id, DEMO_ORGANIZATIONS.ML.id]) {
      for (const employer of [DEMO_ORGANIZATIONS.EI.id, DEMO_ORGANIZATIONS.ACI.id]) expect(pairs).toContain(`${sender}>${employer}`);
    }
    expect(applications.some((a) => a.candidate.email === null)).toBe(true);
    expect(new Set(applications.map((a) => a.candidateId)).size).toBeGreaterThanOrEqual(30);
  });

  it("is consistent: an obsolete application's candidate was hired elsewhere, and no hired candidate is still pending", async () => {
    const applications = await demoApplications();
    const byCandidate = new Map<string, string[]>();
    for (const a of applications) byCandidate.set(a.candidateId, [...(byCandidate.get(a.candidateId) ?? []), a.status]);
    for (const statuses of byCandidate.values()) {
      if (statuses.includes("OBSOLETE")) expect(statuses).toContain("ACCEPTED");
      if (statuses.includes("ACCEPTED")) expect(statuses.filter((s) => ["NEW", "PROCESSING", "POSTPONED"].includes(s))).toEqual([]);
    }
  });

  it("shows archiving and the automatic refusal (issue 10), and the daily jobs find nothing to do on the day it is loaded", async () => {
    const applications = await demoApplications();
    const archived = applications.filter((a) => a.archivedAt);
    expect(archived.length).toBeGreaterThanOrEqual(3);
    expect(archived.some((a) => a.archivedById === null)).toBe(true); // by the daily job
    expect(archived.some((a) => a.archivedById !== null)).toBe(true); // by hand
    const day = 24 * 3_600_000;
    const closeToRefusal = applications.filter(
      (a) => ["NEW", "PROCESSING"].includes(a.status) && a.statusChangedAt.getTime() < Date.now() - 40 * day,
    );
    expect(closeToRefusal.length).toBeGreaterThanOrEqual(2);
    // Nothing would be refused, archived or newly listed at once: the demo stays as described.
    for (const a of applications.filter((a) => !a.archivedAt)) {
      expect(a.statusChangedAt.getTime(), a.id).toBeGreaterThan(Date.now() - 58 * day);
      if (a.statusChangedAt.getTime() < Date.now() - 44 * day && ["NEW", "PROCESSING"].includes(a.status)) {
        expect(a.autoRefusalWarnedAt, a.id).not.toBeNull();
      }
    }
  });

  it("gives every demo address an active membership in its organisation", async () => {
    for (const user of Object.values(DEMO_USERS)) {
      const row = await prisma.user.findUniqueOrThrow({ where: { email: user.email }, include: { memberships: true } });
      expect(row.memberships.map((m) => [m.organizationId, m.role, m.isActive])).toEqual([
        [DEMO_ORGANIZATIONS[user.org].id, user.role, true],
      ]);
    }
  });
});

describe("demo jobs (issue 13)", () => {
  it("gives each employer 2–3 jobs, one closed, with their history; applications name jobs or are spontaneous", async () => {
    await seedDemoData(prisma);
    for (const employer of [DEMO_ORGANIZATIONS.EI.id, DEMO_ORGANIZATIONS.ACI.id]) {
      const jobs = await prisma.jobDescription.findMany({ where: { organizationId: employer } });
      expect(jobs.length).toBeGreaterThanOrEqual(2);
      expect(jobs.length).toBeLessThanOrEqual(3);
      expect(jobs.filter((job) => !job.isOpen)).toHaveLength(1);
      expect(await prisma.jobChange.count({ where: { organizationId: employer, action: "closed" } })).toBe(1);
    }
    const applications = await prisma.jobApplication.findMany({
      where: { employerOrganizationId: { in: demoOrgIds } },
      include: { jobs: { include: { jobDescription: true } } },
    });
    expect(applications.some((a) => a.spontaneous && a.jobs.length === 0)).toBe(true);
    expect(applications.some((a) => a.jobs.length === 2)).toBe(true);
    for (const a of applications) {
      // Every application is for something, and only the employer's own jobs.
      expect(a.spontaneous || a.jobs.length > 0, a.id).toBe(true);
      for (const { jobDescription } of a.jobs) expect(jobDescription.organizationId).toBe(a.employerOrganizationId);
    }
    expect(applications.some((a) => a.status === "ACCEPTED" && a.hiredJobId)).toBe(true);
  });
});
