// Issue 13: "Fiches de poste": only the employer's active members change them; every member reads
// who changed what, and when.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createJob as buildJob, createMember, createScenario } from "@/test/fixtures";
import {
  createJob,
  listJobChanges,
  listJobChoices,
  listJobs,
  setJobOpen,
  setSpontaneousOpen,
  updateJob,
} from "@/lib/job-descriptions/jobs";
import { jobDescriptionSchema, updateJobSchema } from "@/lib/job-descriptions/validation";

const fields = { title: "Agent de tri", contractType: "CDDI", city: "Roubaix", department: "59", weeklyHours: "26", positions: "3" };

describe("fiches de poste", () => {
  it("creates, edits, closes and switches spontaneous applications, each change in the history with its author", async () => {
    const s = await createScenario();
    const colleague = await createMember(s.employerOrg);
    const created = await createJob(s.employer.ctx, jobDescriptionSchema.parse(fields));
    if (!("ok" in created)) throw new Error("not created");
    const edit = updateJobSchema.parse({ ...fields, jobId: created.jobId, weeklyHours: "30", title: "Agent de tri (H/F)" });
    expect(await updateJob(colleague.ctx, edit)).toEqual({ ok: true, jobId: created.jobId, changed: true });
    // The same form saved again: nothing changed, nothing logged, and the answer says so.
    expect(await updateJob(colleague.ctx, edit)).toEqual({ ok: true, jobId: created.jobId, changed: false });
    await setJobOpen(s.employer.ctx, { jobId: created.jobId, open: false });
    await setJobOpen(s.employer.ctx, { jobId: created.jobId, open: false }); // already closed: nothing logged
    await setSpontaneousOpen(colleague.ctx, { open: false });

    expect(await listJobs(colleague.ctx)).toMatchObject([
      { id: created.jobId, title: "Agent de tri (H/F)", weeklyHours: 30, isOpen: false },
    ]);
    const history = await listJobChanges(colleague.ctx);
    expect(history.map((change) => [change.action, change.actor.lastName])).toEqual([
      ["spontaneous_closed", colleague.user.lastName],
      ["closed", s.employer.user.lastName],
      ["updated", colleague.user.lastName],
      ["created", s.employer.user.lastName],
    ]);
    expect(history[2]!.changes).toEqual([
      { field: "title", from: "Agent de tri", to: "Agent de tri (H/F)" },
      { field: "weeklyHours", from: 26, to: 30 },
    ]);
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: s.employerOrg.id } })).toMatchObject({
      spontaneousApplicationsOpen: false,
    });
  });

  it("another employer, a prescriber or a former member changes nothing and sees nothing", async () => {
    const s = await createScenario();
    const other = await createScenario();
    const former = await createMember(s.employerOrg, "MEMBER", { isActive: false });
    const job = await buildJob(s.employerOrg.id, { title: "Intouchable" });
    const update = updateJobSchema.parse({ ...fields, jobId: job.id, title: "Piraté" });
    for (const ctx of [other.employer.ctx, s.prescriber.ctx, former.ctx]) {
      expect(await updateJob(ctx, update)).toEqual({ error: "not_found" });
      expect(await setJobOpen(ctx, { jobId: job.id, open: false })).toEqual({ error: "not_found" });
    }
    expect(await setSpontaneousOpen(former.ctx, { open: false })).toEqual({ error: "not_found" });
    expect(await createJob(s.prescriber.ctx, jobDescriptionSchema.parse(fields))).toEqual({ error: "not_found" });
    expect(await prisma.jobDescription.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ title: "Intouchable", isOpen: true });
    expect(await prisma.jobChange.count({ where: { organizationId: s.employerOrg.id } })).toBe(0);
    expect(await listJobs(other.employer.ctx)).toEqual([]);
    expect(await listJobs(s.prescriber.ctx)).toEqual([]);
  });

  it("offers the employer's own jobs in the list's «\u00a0Poste\u00a0» filter, open ones first, then by title", async () => {
    const s = await createScenario();
    const other = await createScenario();
    const closed = await buildJob(s.employerOrg.id, { title: "Agent de tri", isOpen: false });
    const second = await buildJob(s.employerOrg.id, { title: "Vendeur" });
    const first = await buildJob(s.employerOrg.id, { title: "Cariste" });
    await buildJob(other.employerOrg.id, { title: "Ailleurs" });
    expect(await listJobChoices(s.employer.ctx)).toEqual([
      { id: first.id, title: "Cariste", isOpen: true },
      { id: second.id, title: "Vendeur", isOpen: true },
      { id: closed.id, title: "Agent de tri", isOpen: false },
    ]);
    expect(await listJobChoices(s.prescriber.ctx)).toEqual([]);
  });

  it("refuses bad input with French messages", () => {
    const result = jobDescriptionSchema.safeParse({
      ...fields,
      title: "",
      contractType: "CDI",
      department: "100",
      weeklyHours: "60",
      positions: "0",
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path[0], issue.message]));
    expect(messages).toMatchObject({
      title: "Saisissez l'intitulé du poste.",
      contractType: "Choisissez le type de contrat.",
      department: expect.stringMatching(/département/),
      weeklyHours: expect.stringMatching(/entre 1 et 48/),
      positions: expect.stringMatching(/entre 1 et 99/),
    });
  });

  it("takes Corsica as 2A or 2B, never 20, and whole hours only", () => {
    const department = (value: string) => jobDescriptionSchema.safeParse({ ...fields, department: value }).success;
    expect(["01", "19", "21", "2a", "2B", "95", "974"].every(department)).toBe(true);
    expect(["20", "00", "96", "977"].some(department)).toBe(false);
    const hours = jobDescriptionSchema.safeParse({ ...fields, weeklyHours: "17.5" });
    expect(hours.error?.issues[0]?.message).toBe("Saisissez un nombre entier d'heures par semaine, entre 1 et 48.");
  });
});
