// Issue 13: what an application is sent for (open jobs, or spontaneous when the employer takes
// them), checked inside the send's transaction, with the job rows locked.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { sendApplication } from "@/lib/applications/send";
import { listApplications } from "@/lib/applications/list";
import { listHref, parseListFilters } from "@/lib/applications/list-filters";
import { createApplication, createJob, createScenario } from "@/test/fixtures";

const BASE_URL = "http://test.local";
const MESSAGE = "Bonjour, je vous propose cette candidature\u00a0: personne motivée et disponible.";

const input = (employerOrganizationId: string, what: { jobIds?: string[]; spontaneous?: boolean }) => ({
  candidateMode: "new",
  firstName: "Léa",
  lastName: `Durand${Math.random().toString(36).slice(2, 8)}`,
  email: `lea-${Math.random().toString(36).slice(2, 10)}@mail.test`,
  employerOrganizationId,
  message: MESSAGE,
  jobIds: what.jobIds ?? [],
  spontaneous: what.spontaneous ?? false,
});

/** Every table a send writes to. */
async function tableCounts() {
  const [candidates, profiles, applications, applicationJobs, events, emails, links] = await Promise.all([
    prisma.candidate.count(),
    prisma.candidateProfile.count(),
    prisma.jobApplication.count(),
    prisma.applicationJob.count(),
    prisma.applicationEvent.count(),
    prisma.outboxEmail.count(),
    prisma.candidateLink.count(),
  ]);
  return { candidates, profiles, applications, applicationJobs, events, emails, links };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("sending for jobs (issue 13)", () => {
  it("records the open jobs picked, and the employer's e-mail names them", async () => {
    const s = await createScenario();
    const [a, b] = [
      await createJob(s.employerOrg.id, { title: "Agent de tri" }),
      await createJob(s.employerOrg.id, { title: "Chauffeur" }),
    ];
    const result = await sendApplication(s.prescriber.ctx, input(s.employerOrg.id, { jobIds: [a.id, b.id] }), { baseUrl: BASE_URL });
    if (!result.ok) throw new Error(result.error);
    const application = await prisma.jobApplication.findUniqueOrThrow({ where: { id: result.applicationId }, include: { jobs: true } });
    expect(application.spontaneous).toBe(false);
    expect(application.jobs.map((job) => job.jobDescriptionId).sort()).toEqual([a.id, b.id].sort());
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { applicationId: application.id, template: "application_received" } });
    expect(mail.text).toContain("Agent de tri (CDDI)");
    expect(mail.text).toContain("Chauffeur (CDDI)");
  });

  it("refuses a closed job with a French message naming it, and writes nothing", async () => {
    const s = await createScenario();
    const open = await createJob(s.employerOrg.id);
    const closed = await createJob(s.employerOrg.id, { title: "Poste clos", isOpen: false });
    const before = await tableCounts();
    const result = await sendApplication(s.prescriber.ctx, input(s.employerOrg.id, { jobIds: [open.id, closed.id] }), {
      baseUrl: BASE_URL,
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/Le recrutement est fermé pour le poste «\u00a0Poste clos\u00a0».*Rien n'a été envoyé/);
    expect(!result.ok && result.fieldErrors?.jobIds).toMatch(/Recrutement fermé/);
    expect(await tableCounts()).toEqual(before);
  });

  it("refuses another employer's job as not found, and writes nothing", async () => {
    const s = await createScenario();
    const other = await createScenario();
    const foreign = await createJob(other.employerOrg.id);
    const before = await tableCounts();
    const result = await sendApplication(s.prescriber.ctx, input(s.employerOrg.id, { jobIds: [foreign.id] }), { baseUrl: BASE_URL });
    expect(!result.ok && result.error).toMatch(/introuvable chez cet employeur/);
    expect(await tableCounts()).toEqual(before);
  });

  it("refuses a job that closes while the send is under way: the send waits for the close and writes nothing", async () => {
    const s = await createScenario();
    const job = await createJob(s.employerOrg.id, { title: "Fermé pendant l'envoi" });
    const before = await tableCounts();

    // The employer's close holds the job row until we let it commit.
    let commitClose!: () => void;
    const closeMayCommit = new Promise<void>((resolve) => (commitClose = resolve));
    let rowLocked!: () => void;
    const closeHoldsRow = new Promise<void>((resolve) => (rowLocked = resolve));
    const closing = prisma.$transaction(
      async (tx) => {
        await tx.jobDescription.update({ where: { id: job.id }, data: { isOpen: false } });
        rowLocked();
        await closeMayCommit;
      },
      { timeout: 20_000 },
    );
    await closeHoldsRow;

    // The prescriber's form still shows the job open: the send starts now and must wait on the row.
    const sending = sendApplication(s.prescriber.ctx, input(s.employerOrg.id, { jobIds: [job.id] }), { baseUrl: BASE_URL });
    // On PostgreSQL the send blocks on the row lock; bounded, since the embedded PGlite serialises the sessions instead.
    await Promise.race([waitForLockWait(), sleep(3000)]);
    commitClose();
    await closing;

    const result = await sending;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/Le recrutement est fermé pour le poste «\u00a0Fermé pendant l'envoi\u00a0»/);
    expect(await tableCounts()).toEqual(before);
  });

  it("spontaneous: accepted while the employer takes them, refused with a French message once it closes them", async () => {
    const s = await createScenario();
    const ok = await sendApplication(s.prescriber.ctx, input(s.employerOrg.id, { spontaneous: true }), { baseUrl: BASE_URL });
    expect(ok.ok).toBe(true);
    if (ok.ok)
      expect(await prisma.jobApplication.findUniqueOrThrow({ where: { id: ok.applicationId } })).toMatchObject({ spontaneous: true });

    await prisma.organization.update({ where: { id: s.employerOrg.id }, data: { spontaneousApplicationsOpen: false } });
    const before = await tableCounts();
    const refused = await sendApplication(s.prescriber.ctx, input(s.employerOrg.id, { spontaneous: true }), { baseUrl: BASE_URL });
    expect(!refused.ok && refused.error).toMatch(/n'accepte plus les candidatures spontanées/);
    expect(await tableCounts()).toEqual(before);
  });

  it("needs jobs or spontaneous, not neither nor both", async () => {
    const s = await createScenario();
    const job = await createJob(s.employerOrg.id);
    for (const what of [{}, { jobIds: [job.id], spontaneous: true }]) {
      const result = await sendApplication(s.prescriber.ctx, input(s.employerOrg.id, what), { baseUrl: BASE_URL });
      expect(!result.ok && result.fieldErrors?.jobIds).toMatch(/Candidature spontanée/);
    }
  });
});

/** Until a session waits on a row lock (the send on the job row). */
async function waitForLockWait() {
  for (let i = 0; i < 100; i++) {
    const [row] = await prisma.$queryRaw<{ waiting: bigint }[]>`
      SELECT count(*) AS waiting FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%JobDescription%'`;
    if (Number(row?.waiting ?? 0) > 0) return;
    await sleep(30);
  }
}

describe("«\u00a0Candidatures reçues\u00a0» filtered by job (issue 13)", () => {
  it("?job=<id> keeps the applications for that job, ?job=spontaneous the spontaneous ones; another employer's job matches nothing", async () => {
    const s = await createScenario();
    const other = await createScenario();
    const [a, b] = [await createJob(s.employerOrg.id), await createJob(s.employerOrg.id)];
    const foreign = await createJob(other.employerOrg.id);
    const base = { candidateId: s.candidate.id, sender: s.prescriber.ctx, employerOrganizationId: s.employerOrg.id };
    const forA = await createApplication({ ...base, jobIds: [a.id] });
    const forBoth = await createApplication({ ...base, jobIds: [a.id, b.id] });
    const spontaneous = await createApplication({ ...base });
    const ids = async (job: string) => (await listApplications(s.employer.ctx, parseListFilters({ job }))).rows.map((row) => row.id).sort();

    expect(await ids(a.id)).toEqual([forA.id, forBoth.id].sort());
    expect(await ids(b.id)).toEqual([forBoth.id]);
    expect(await ids("spontaneous")).toEqual([spontaneous.id]);
    expect(await ids(foreign.id)).toEqual([]);
    expect(listHref("/employer/applications", parseListFilters({ job: a.id }))).toBe(`/employer/applications?job=${a.id}`);
  });

  it("counts only the applications for that job, per status, for the total and the work queues", async () => {
    const s = await createScenario();
    const job = await createJob(s.employerOrg.id);
    const base = { candidateId: s.candidate.id, sender: s.prescriber.ctx, employerOrganizationId: s.employerOrg.id };
    await createApplication({ ...base, jobIds: [job.id], status: "PROCESSING" });
    await createApplication({ ...base });
    await createApplication({ ...base, status: "POSTPONED" });
    const { counts, activeCounts } = await listApplications(s.employer.ctx, parseListFilters({ job: job.id }));
    expect(counts).toMatchObject({ NEW: 0, PROCESSING: 1, POSTPONED: 0 });
    expect(activeCounts).toMatchObject({ NEW: 0, PROCESSING: 1, POSTPONED: 0 });
    expect((await listApplications(s.employer.ctx, parseListFilters({ job: "spontaneous" }))).counts).toMatchObject({
      NEW: 1,
      PROCESSING: 0,
      POSTPONED: 1,
    });
  });
});
