/** The candidate's status link (/c/[token]) on a real database: their applications, through a whitelist. */
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createCandidateLink, hashCandidateToken } from "@/lib/candidate-links";
import { getCandidateStatus } from "@/lib/candidate-status";
import { ANSWERED_STATUSES, REFUSAL_REASON_LABELS } from "@/lib/status";
import { appliedForLabel, jobLabel } from "@/lib/job-descriptions/vocabulary";
import { adviserContactEmail, personName } from "@/lib/people";
import { createApplication, createCandidate, createJob, createMember, createOrganization, createScenario } from "@/test/fixtures";

const PRIVATE = "Privé\u00a0: nous avons eu un doute sur sa ponctualité.";
const PRESCRIBER_MESSAGE = "Message du prescripteur\u00a0: situation familiale difficile.";

async function candidateWithApplications() {
  const { prescriberOrg, employerOrg, prescriber, candidate } = await createScenario();
  const otherEmployer = await createOrganization("EMPLOYER", { name: "Les Ateliers du Sud" });
  await prisma.organization.update({ where: { id: otherEmployer.id }, data: { city: "Marseille" } });
  const refused = await createApplication({
    candidateId: candidate.id,
    sender: prescriber.ctx,
    employerOrganizationId: employerOrg.id,
    createdAt: new Date("2026-10-01T10:00:00Z"),
  });
  await prisma.jobApplication.update({
    where: { id: refused.id },
    data: {
      status: "REFUSED",
      refusalReason: "NOT_MOBILE",
      answerToCandidate: "Nous ne pouvons pas donner suite.",
      answerToPrescriber: PRIVATE,
      message: PRESCRIBER_MESSAGE,
    },
  });
  const accepted = await createApplication({
    candidateId: candidate.id,
    sender: prescriber.ctx,
    employerOrganizationId: otherEmployer.id,
    createdAt: new Date("2026-11-01T10:00:00Z"),
  });
  await prisma.jobApplication.update({
    where: { id: accepted.id },
    data: {
      status: "ACCEPTED",
      answerToCandidate: "Bienvenue\u00a0!",
      hiringStartDate: new Date("2027-01-04"),
      hiringEndDate: new Date("2027-06-30"),
      jobTitle: "Maraîcher",
    },
  });
  // Someone else, at the same employer: never on this candidate's page.
  const stranger = await createCandidate();
  const otherPrescriber = await createMember(prescriberOrg);
  const strangers = await createApplication({
    candidateId: stranger.id,
    sender: otherPrescriber.ctx,
    employerOrganizationId: employerOrg.id,
  });
  return { candidate, prescriber, employerOrg, otherEmployer, refused, accepted, stranger, strangers };
}

/**
 * The former reading (issue 12: the page now reads one prepared SQL statement): the Prisma select
 * it was, mapped the same way, jobs in title order.
 */
async function throughPrisma(token: string) {
  const link = await prisma.candidateLink.findUnique({
    where: { tokenHash: hashCandidateToken(token) },
    select: {
      candidate: {
        select: {
          applications: {
            orderBy: [{ createdAt: "desc" }, { id: "desc" }],
            select: {
              id: true,
              jobTitle: true,
              spontaneous: true,
              jobs: {
                select: { jobDescription: { select: { title: true, contractType: true, city: true } } },
                orderBy: [{ jobDescription: { title: "asc" } }, { jobDescriptionId: "asc" }],
              },
              hiredJob: { select: { title: true, contractType: true, city: true } },
              createdAt: true,
              status: true,
              answerToCandidate: true,
              hiringStartDate: true,
              hiringEndDate: true,
              employerOrganization: { select: { name: true, city: true } },
              senderUser: {
                select: { firstName: true, lastName: true, email: true, memberships: { select: { organizationId: true, isActive: true } } },
              },
              senderOrganization: { select: { id: true, name: true, contactEmail: true } },
              candidateProfile: { select: { firstName: true, lastName: true } },
            },
          },
        },
      },
    },
  });
  const applications = link!.candidate.applications;
  return {
    firstName: applications[0]?.candidateProfile.firstName ?? "",
    lastName: applications[0]?.candidateProfile.lastName ?? "",
    applications: applications.map((a) => ({
      id: a.id,
      employer: a.employerOrganization,
      jobTitle: a.jobs.length ? appliedForLabel(a) : a.jobTitle,
      sentAt: a.createdAt,
      status: a.status,
      answerToCandidate: ANSWERED_STATUSES.has(a.status) ? a.answerToCandidate : null,
      hiring:
        a.status === "ACCEPTED"
          ? { startDate: a.hiringStartDate, endDate: a.hiringEndDate, job: a.hiredJob ? jobLabel(a.hiredJob) : null }
          : null,
      sentBy: {
        name: personName(a.senderUser),
        organizationName: a.senderOrganization.name,
        email: adviserContactEmail({
          isMember: a.senderUser.memberships.some((m) => m.organizationId === a.senderOrganization.id && m.isActive),
          email: a.senderUser.email,
          organizationContactEmail: a.senderOrganization.contactEmail,
        }),
      },
    })),
  };
}

describe("getCandidateStatus", () => {
  it("gives what the former Prisma reading gave: jobs applied for and hired for, two senders' records, newest first", async () => {
    const w = await candidateWithApplications();
    const jobs = [
      await createJob(w.otherEmployer.id, { title: "Valoriste", contractType: "CDI_INCLUSION" }),
      await createJob(w.otherEmployer.id, { title: "Agent de tri" }),
    ];
    // A second prescriber organisation, with its own record of the person, sends the newest one.
    const secondPrescriberOrg = await createOrganization("PRESCRIBER", { name: "Mission locale de Roubaix" });
    const secondAdviser = await createMember(secondPrescriberOrg, "MEMBER", { firstName: "Yasmine", lastName: "Conseil" });
    const hired = await createApplication({
      candidateId: w.candidate.id,
      sender: secondAdviser.ctx,
      employerOrganizationId: w.otherEmployer.id,
      status: "ACCEPTED",
      jobIds: jobs.map((job) => job.id),
      hiredJobId: jobs[0]!.id,
      createdAt: new Date("2026-11-20T10:00:00Z"),
    });
    const token = await createCandidateLink(prisma, w.candidate.id);

    const status = await getCandidateStatus(token);
    expect(status).toEqual(await throughPrisma(token));
    // What the comparison is about, spelled out: the newest first, its jobs by title, the job hired for.
    expect(status!.applications.map((a) => a.id)).toEqual([hired.id, w.accepted.id, w.refused.id]);
    expect(status!.applications[0]!.jobTitle).toMatch(/^Agent de tri \(CDDI\).*\u00a0; Valoriste \(CDI inclusion\)/);
    expect(status!.applications[0]!.hiring!.job).toMatch(/^Valoriste \(CDI inclusion\)/);
    expect(status!.applications[0]!.sentBy.name).toBe("Yasmine Conseil");
  });

  it("gives the adviser's address while they are a member, then their organisation's, never a former member's", async () => {
    const w = await candidateWithApplications();
    const token = await createCandidateLink(prisma, w.candidate.id);
    const addresses = async () => (await getCandidateStatus(token))!.applications.map((a) => a.sentBy.email);
    expect(await addresses()).toEqual([w.prescriber.user.email, w.prescriber.user.email]);

    await prisma.membership.updateMany({ where: { userId: w.prescriber.user.id }, data: { isActive: false } });
    const organizationId = w.prescriber.ctx.organizationId;
    await prisma.organization.update({ where: { id: organizationId }, data: { contactEmail: "accueil@prescripteur.test" } });
    expect(await addresses()).toEqual(["accueil@prescripteur.test", "accueil@prescripteur.test"]);
    await prisma.organization.update({ where: { id: organizationId }, data: { contactEmail: null } });
    expect(await addresses()).toEqual([null, null]);
    expect(await getCandidateStatus(token)).toEqual(await throughPrisma(token));
  });

  it("greets a candidate without any application by no name, and lists nothing", async () => {
    const candidate = await createCandidate();
    const status = await getCandidateStatus(await createCandidateLink(prisma, candidate.id));
    expect(status).toEqual({ firstName: "", lastName: "", applications: [] });
  });

  it("shows the candidate's own applications, newest first, with employer, date, status, answer and hiring dates", async () => {
    const w = await candidateWithApplications();
    const token = await createCandidateLink(prisma, w.candidate.id);
    const status = await getCandidateStatus(token);

    expect(status).toMatchObject({ firstName: w.candidate.firstName, lastName: w.candidate.lastName });
    expect(status!.applications).toEqual([
      {
        id: w.accepted.id,
        employer: { name: "Les Ateliers du Sud", city: "Marseille" },
        jobTitle: "Maraîcher",
        sentAt: new Date("2026-11-01T10:00:00Z"),
        status: "ACCEPTED",
        answerToCandidate: "Bienvenue\u00a0!",
        hiring: { startDate: new Date("2027-01-04"), endDate: new Date("2027-06-30"), job: null },
        sentBy: { name: w.prescriber.user.name, organizationName: expect.any(String), email: w.prescriber.user.email },
      },
      {
        id: w.refused.id,
        employer: { name: w.employerOrg.name, city: "Lille" },
        jobTitle: null,
        sentAt: new Date("2026-10-01T10:00:00Z"),
        status: "REFUSED",
        answerToCandidate: "Nous ne pouvons pas donner suite.",
        hiring: null,
        sentBy: { name: w.prescriber.user.name, organizationName: expect.any(String), email: w.prescriber.user.email },
      },
    ]);
  });

  it("after a cancelled hire or a hire elsewhere, shows no earlier answer of the employer", async () => {
    const w = await candidateWithApplications();
    // The hire is cancelled: the row keeps its welcome message, which the candidate must not read as the news.
    await prisma.jobApplication.update({ where: { id: w.accepted.id }, data: { status: "CANCELLED" } });
    // A postponement, then a hire elsewhere: "we'll come back to you" no longer holds.
    await prisma.jobApplication.update({
      where: { id: w.refused.id },
      data: { status: "OBSOLETE", refusalReason: null, answerToCandidate: "Nous reviendrons vers vous en janvier." },
    });
    const status = await getCandidateStatus(await createCandidateLink(prisma, w.candidate.id));

    expect(status!.applications.map((a) => [a.status, a.answerToCandidate, a.hiring])).toEqual([
      ["CANCELLED", null, null],
      ["OBSOLETE", null, null],
    ]);
  });

  it("never carries the refusal reason, the private message, the prescriber's message or another candidate", async () => {
    const w = await candidateWithApplications();
    const serialized = JSON.stringify(await getCandidateStatus(await createCandidateLink(prisma, w.candidate.id)));
    for (const secret of [
      "NOT_MOBILE",
      REFUSAL_REASON_LABELS.NOT_MOBILE,
      PRIVATE,
      PRESCRIBER_MESSAGE,
      w.strangers.id,
      w.stranger.lastName,
      w.stranger.email!,
    ]) {
      expect(serialized).not.toContain(secret);
    }
  });

  it("a link stays valid 12 months, then shows nothing", async () => {
    const w = await candidateWithApplications();
    const issued = new Date("2025-01-15T12:00:00Z");
    const token = await createCandidateLink(prisma, w.candidate.id, issued);
    expect(await getCandidateStatus(token, new Date("2026-01-14T12:00:00Z"))).not.toBeNull();
    expect(await getCandidateStatus(token, new Date("2026-01-15T12:00:00Z"))).toBeNull();
    expect(await getCandidateStatus(token)).toBeNull();
  });

  it("an unknown, malformed or stored-hash token shows nothing", async () => {
    const w = await candidateWithApplications();
    await createCandidateLink(prisma, w.candidate.id);
    const link = await prisma.candidateLink.findFirstOrThrow({ where: { candidateId: w.candidate.id } });
    for (const token of ["", "abc", "x".repeat(43), "../../etc/passwd", link.tokenHash, link.id]) {
      expect(await getCandidateStatus(token), token).toBeNull();
    }
  });
});
