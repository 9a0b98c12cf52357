/** The candidate's status link (/c/[token]) on a real database: their applications, through a whitelist. */
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createCandidateLink } from "@/lib/candidate-links";
import { getCandidateStatus } from "@/lib/candidate-status";
import { REFUSAL_REASON_LABELS } from "@/lib/status";
import { createApplication, createCandidate, createMember, createOrganization, createScenario } from "@/test/fixtures";

const PRIVATE = "Privé : nous avons eu un doute sur sa ponctualité.";
const PRESCRIBER_MESSAGE = "Message du prescripteur : situation familiale difficile.";

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
      answerToCandidate: "Bienvenue !",
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

describe("getCandidateStatus", () => {
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
        answerToCandidate: "Bienvenue !",
        hiring: { startDate: new Date("2027-01-04"), endDate: new Date("2027-06-30"), job: null },
        sentBy: { name: w.prescriber.user.name, organizationName: expect.any(String) },
      },
      {
        id: w.refused.id,
        employer: { name: w.employerOrg.name, city: "Lille" },
        jobTitle: null,
        sentAt: new Date("2026-10-01T10:00:00Z"),
        status: "REFUSED",
        answerToCandidate: "Nous ne pouvons pas donner suite.",
        hiring: null,
        sentBy: { name: w.prescriber.user.name, organizationName: expect.any(String) },
      },
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
