// Issue 13: the "Poste retenu" of an accept, and "Envoyer à un autre employeur" with the
// visibility of each link to each organisation.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { AccessScope } from "@/lib/access";
import { acceptApplication } from "@/lib/applications/transitions";
import { acceptSchema, todayInFrance } from "@/lib/applications/decision-validation";
import { sendApplication } from "@/lib/applications/send";
import { getApplicationForMember } from "@/lib/applications/detail";
import { createCandidateLink } from "@/lib/candidate-links";
import { getCandidateStatus } from "@/lib/candidate-status";
import { createApplication, createJob, createMember, createOrganization, createScenario } from "@/test/fixtures";

const BASE_URL = "http://test.local";
const MESSAGE = "Bonjour, je vous propose cette candidature\u00a0: personne motivée et disponible.";

const accept = (applicationId: string, hiredJobId: string) =>
  acceptSchema.parse({ applicationId, status: "NEW", hiringStartDate: todayInFrance(), hiredJobId });

describe("Poste retenu", () => {
  it("records the employer's job, even closed, and names it in the prescriber's and the candidate's e-mails", async () => {
    const s = await createScenario();
    const job = await createJob(s.employerOrg.id, { title: "Valoriste", contractType: "CDI_INCLUSION", isOpen: false });
    const application = await createApplication({
      candidateId: s.candidate.id,
      sender: s.prescriber.ctx,
      employerOrganizationId: s.employerOrg.id,
      jobIds: [job.id],
    });
    expect(await acceptApplication(s.employer.ctx, accept(application.id, job.id), { baseUrl: BASE_URL })).toMatchObject({ ok: true });
    expect(await prisma.jobApplication.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({
      status: "ACCEPTED",
      hiredJobId: job.id,
    });
    const mails = await prisma.outboxEmail.findMany({ where: { applicationId: application.id } });
    const toCandidate = mails.find((mail) => mail.to === s.candidate.email);
    const toPrescriber = mails.find((mail) => mail.to === s.prescriber.user.email);
    for (const mail of [toCandidate, toPrescriber]) {
      expect(mail?.text).toContain("Poste retenu");
      expect(mail?.text).toContain("Valoriste (CDI inclusion)");
    }
    // The candidate's status page shows it too.
    const status = await getCandidateStatus(await createCandidateLink(prisma, s.candidate.id));
    expect(status?.applications.find((a) => a.id === application.id)?.hiring?.job).toBe("Valoriste (CDI inclusion) — Lille");
  });

  it("none: no job recorded; another employer's job: not found, nothing written", async () => {
    const s = await createScenario();
    const other = await createScenario();
    const foreign = await createJob(other.employerOrg.id);
    const application = await createApplication({
      candidateId: s.candidate.id,
      sender: s.prescriber.ctx,
      employerOrganizationId: s.employerOrg.id,
    });

    expect(await acceptApplication(s.employer.ctx, accept(application.id, foreign.id), { baseUrl: BASE_URL })).toEqual({
      error: "not_found",
    });
    expect(await prisma.jobApplication.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({
      status: "NEW",
      hiredJobId: null,
    });
    expect(await prisma.applicationEvent.count({ where: { applicationId: application.id } })).toBe(0);

    expect(await acceptApplication(s.employer.ctx, accept(application.id, ""), { baseUrl: BASE_URL })).toMatchObject({ ok: true });
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { applicationId: application.id, to: s.prescriber.user.email } });
    expect(mail.text).not.toContain("Poste retenu");
  });
});

describe("Envoyer à un autre employeur", () => {
  async function declinedWorld() {
    const s = await createScenario();
    const secondEmployerOrg = await createOrganization("EMPLOYER");
    const secondEmployer = await createMember(secondEmployerOrg, "ADMIN");
    const colleague = await createMember(s.prescriberOrg);
    const declined = await createApplication({
      candidateId: s.candidate.id,
      sender: s.prescriber.ctx,
      employerOrganizationId: s.employerOrg.id,
      status: "REFUSED",
      message: "Message d'origine, repris tel quel.",
      history: { handlerId: s.employer.user.id },
    });
    return { ...s, secondEmployerOrg, secondEmployer, colleague, declined };
  }
  /** The re-send links of the application page, as this organisation reads them. */
  async function links(scope: AccessScope, applicationId: string) {
    const detail = await getApplicationForMember(scope, applicationId);
    if (!detail) throw new Error("not visible");
    return { resentFrom: detail.resentFrom, resentTo: detail.resentTo };
  }
  const resend = (world: Awaited<ReturnType<typeof declinedWorld>>, employerOrganizationId: string, resentFromId = world.declined.id) => ({
    candidateMode: "existing",
    candidateId: world.candidate.id,
    employerOrganizationId,
    spontaneous: true,
    message: MESSAGE,
    resentFromId,
  });

  it("records the origin; the prescriber organisation sees both links, each employer only its own application", async () => {
    const w = await declinedWorld();
    // A colleague of the sender may re-send: the organisation follows all its applications.
    const result = await sendApplication(w.colleague.ctx, resend(w, w.secondEmployerOrg.id), { baseUrl: BASE_URL });
    if (!result.ok) throw new Error(result.error);
    const second = await prisma.jobApplication.findUniqueOrThrow({ where: { id: result.applicationId } });
    expect(second).toMatchObject({
      resentFromId: w.declined.id,
      candidateId: w.candidate.id,
      employerOrganizationId: w.secondEmployerOrg.id,
    });

    // The prescriber organisation: from the first, a link to the second; from the second, to the first.
    const fromFirst = await links(w.prescriber.ctx, w.declined.id);
    expect(fromFirst.resentTo.map((a) => a.id)).toEqual([second.id]);
    const fromSecond = await links(w.prescriber.ctx, second.id);
    expect(fromSecond.resentFrom).toEqual({
      id: w.declined.id,
      createdAt: w.declined.createdAt,
      status: "REFUSED",
      employerOrganization: { name: w.employerOrg.name },
    });

    // The first employer learns nothing about the second; the second sees no link to the first.
    expect(await links(w.employer.ctx, w.declined.id)).toEqual({ resentFrom: null, resentTo: [] });
    expect(await links(w.secondEmployer.ctx, second.id)).toEqual({ resentFrom: null, resentTo: [] });
  });

  it("links only the applications the viewer may see itself, the re-sends oldest first", async () => {
    const w = await declinedWorld();
    const now = Date.now();
    const resentAs = (sender: { userId: string; organizationId: string }, employerOrganizationId: string, minutesAgo: number) =>
      createApplication({
        candidateId: w.candidate.id,
        sender,
        employerOrganizationId,
        resentFromId: w.declined.id,
        createdAt: new Date(now - minutesAgo * 60_000),
      });
    const later = await resentAs(w.prescriber.ctx, w.secondEmployerOrg.id, 1);
    const earlier = await resentAs(w.colleague.ctx, (await createOrganization("EMPLOYER")).id, 5);
    // A link another prescriber organisation holds (as data may have it): neither end is the other's to see.
    const otherPrescriber = await createMember(await createOrganization("PRESCRIBER"));
    const foreign = await resentAs(otherPrescriber.ctx, w.secondEmployerOrg.id, 3);

    expect((await links(w.prescriber.ctx, w.declined.id)).resentTo.map((a) => a.id)).toEqual([earlier.id, later.id]);
    expect(await links(otherPrescriber.ctx, foreign.id)).toEqual({ resentFrom: null, resentTo: [] });
    // The second employer received both: each page links to nothing of the first employer's.
    expect((await links(w.secondEmployer.ctx, later.id)).resentFrom).toBeNull();
    expect((await links(w.secondEmployer.ctx, foreign.id)).resentFrom).toBeNull();
  });

  it("refuses, writing nothing: the same employer, an application not declined, another organisation's, another candidate", async () => {
    const w = await declinedWorld();
    const otherPrescriber = await createMember(await createOrganization("PRESCRIBER"));
    const pending = await createApplication({
      candidateId: w.candidate.id,
      sender: w.prescriber.ctx,
      employerOrganizationId: (await createOrganization("EMPLOYER")).id,
    });
    const before = await prisma.jobApplication.count();

    const same = await sendApplication(w.prescriber.ctx, resend(w, w.employerOrg.id), { baseUrl: BASE_URL });
    expect(!same.ok && same.error).toMatch(/a déjà décliné cette candidature/);
    const notDeclined = await sendApplication(w.prescriber.ctx, resend(w, w.secondEmployerOrg.id, pending.id), { baseUrl: BASE_URL });
    expect(!notDeclined.ok && notDeclined.notFound).toBe(true);
    // Another organisation cannot name our candidate, nor our application.
    const foreign = await sendApplication(
      otherPrescriber.ctx,
      { ...resend(w, w.secondEmployerOrg.id), candidateMode: "new", firstName: "Autre", lastName: "Personne" },
      { baseUrl: BASE_URL },
    );
    expect(!foreign.ok && foreign.error).toMatch(/introuvable/);
    const otherCandidate = await sendApplication(
      w.prescriber.ctx,
      { ...resend(w, w.secondEmployerOrg.id), candidateMode: "new", firstName: "Autre", lastName: "Personne" },
      { baseUrl: BASE_URL },
    );
    expect(!otherCandidate.ok && otherCandidate.error).toMatch(/même candidat/);
    expect(await prisma.jobApplication.count()).toBe(before);
  });
});
