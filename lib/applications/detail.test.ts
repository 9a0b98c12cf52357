// The application's page reads SQL (issue 12): it must give exactly what the Prisma select that
// defines ApplicationDetail gives, field by field, for every organisation that may see it, and
// nothing to any other.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { seesArchive, visibleApplicationsWhere, type AccessScope } from "@/lib/access";
import { archiveSelect, detailSelect, getApplicationForMember, linksSelect } from "@/lib/applications/detail";
import { createApplication, createJob, createMember, createOrganization, createScenario } from "@/test/fixtures";

/** The former reading: one Prisma call with the select the type is made of. */
async function throughPrisma(scope: AccessScope, applicationId: string) {
  const visible = visibleApplicationsWhere(scope);
  const select = {
    ...detailSelect,
    jobs: { ...detailSelect.jobs, orderBy: [{ jobDescription: { title: "asc" } }, { jobDescriptionId: "asc" }] },
    resentFrom: { ...linksSelect.resentFrom, where: visible },
    resentTo: { ...linksSelect.resentTo, where: visible, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    ...(seesArchive(scope) ? archiveSelect : {}),
  } satisfies Prisma.JobApplicationSelect;
  return prisma.jobApplication.findFirst({ where: { AND: [{ id: applicationId }, visible] }, select });
}

describe("getApplicationForMember", () => {
  it("gives what Prisma gives: every relation, the history in order, the links each side may see, the archive to the employer only", async () => {
    const s = await createScenario();
    const colleague = await createMember(s.employerOrg, "MEMBER", { firstName: "Inès", lastName: "Archiviste" });
    const secondEmployerOrg = await createOrganization("EMPLOYER", { contactEmail: null, contactPhone: "01 02 03 04 05" });
    const jobs = [
      await createJob(s.employerOrg.id, { title: "Valoriste", contractType: "CDI_INCLUSION" }),
      await createJob(s.employerOrg.id, { title: "Agent de tri" }),
    ];
    // Declined, re-sent to a second employer, which hires; the first employer archived its own.
    const declined = await createApplication({
      candidateId: s.candidate.id,
      sender: s.prescriber.ctx,
      employerOrganizationId: s.employerOrg.id,
      status: "REFUSED",
      jobIds: jobs.map((job) => job.id),
      history: { handlerId: s.employer.user.id, answerToPrescriber: "Profil intéressant, pas de poste cette semaine." },
    });
    await prisma.jobApplication.update({ where: { id: declined.id }, data: { archivedAt: new Date(), archivedById: colleague.user.id } });
    const secondJob = await createJob(secondEmployerOrg.id, { title: "Maraîcher", contractType: "CDDI" });
    const secondTeam = await createMember(secondEmployerOrg, "ADMIN");
    const resent = await createApplication({
      candidateId: s.candidate.id,
      sender: s.prescriber.ctx,
      employerOrganizationId: secondEmployerOrg.id,
      status: "ACCEPTED",
      jobIds: [secondJob.id],
      hiredJobId: secondJob.id,
      resentFromId: declined.id,
      history: { handlerId: secondTeam.user.id, hiringEndDate: new Date("2027-06-30T00:00:00Z") },
    });
    // A system event (no actor), as the cascade writes; after the built history (hours after now),
    // with an id that sorts first: the history is in time order, not in the ids'.
    await prisma.applicationEvent.create({
      data: {
        id: `0-${resent.id}`,
        applicationId: resent.id,
        transition: "cancel",
        fromStatus: "ACCEPTED",
        toStatus: "CANCELLED",
        actorId: null,
        createdAt: new Date(Date.now() + 10 * 86_400_000),
      },
    });
    const stranger = await createScenario();

    const readings: [AccessScope, string][] = [
      [s.employer.ctx, declined.id],
      [s.prescriber.ctx, declined.id],
      [s.prescriber.ctx, resent.id],
      [secondTeam.ctx, resent.id],
      [secondTeam.ctx, declined.id],
      [stranger.employer.ctx, declined.id],
      [stranger.prescriber.ctx, resent.id],
    ];
    for (const [scope, id] of readings) {
      expect(await getApplicationForMember(scope, id)).toEqual(await throughPrisma(scope, id));
    }

    // The world above is what the comparison is about: it would prove little on empty relations.
    const employerView = await getApplicationForMember(s.employer.ctx, declined.id);
    expect(employerView).toMatchObject({
      jobs: [{ jobDescription: { title: "Agent de tri" } }, { jobDescription: { title: "Valoriste", contractType: "CDI_INCLUSION" } }],
      handler: { id: s.employer.user.id },
      archivedBy: { firstName: "Inès", lastName: "Archiviste" },
      resentTo: [],
      refusalReason: "NO_POSITION",
    });
    expect(employerView?.events.map((event) => event.transition)).toEqual(["send", "process", "refuse"]);
    const prescriberView = await getApplicationForMember(s.prescriber.ctx, resent.id);
    expect(prescriberView).not.toHaveProperty("archivedAt");
    expect(prescriberView).toMatchObject({
      hiredJob: { title: "Maraîcher", contractType: "CDDI" },
      resentFrom: { id: declined.id, employerOrganization: { name: s.employerOrg.name } },
      employerOrganization: { contactEmail: null, contactPhone: "01 02 03 04 05" },
    });
    expect(prescriberView?.events.at(-1)?.actor).toBeNull();
    // Each employer sees nothing of the other's application, not even its id.
    expect((await getApplicationForMember(secondTeam.ctx, resent.id))?.resentFrom).toBeNull();
    expect((await getApplicationForMember(s.employer.ctx, declined.id))?.resentTo).toEqual([]);
    expect((await getApplicationForMember(s.prescriber.ctx, declined.id))?.resentTo.map((a) => a.id)).toEqual([resent.id]);
    expect(await getApplicationForMember(stranger.employer.ctx, declined.id)).toBeNull();
  });
});
