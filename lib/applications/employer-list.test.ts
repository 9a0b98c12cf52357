/** "Candidatures reçues" (issue 3): scope, employer-side filters, keyset pages both ways, filter choices, detail scope. */
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { listApplications, PAGE_SIZE } from "@/lib/applications/list";
import { listFiltersToSearchParams, parseListFilters } from "@/lib/applications/list-filters";
import { getApplicationForMember } from "@/lib/applications/detail";
import { createApplication, createCandidate, createJob, createMember, createOrganization, filterOptions } from "@/test/fixtures";

const DAY = 86_400_000;
const ids = (rows: { id: string }[]) => rows.map((row) => row.id);
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

async function employerWithApplications() {
  const employer = await createOrganization("EMPLOYER");
  const nadia = await createMember(employer, "ADMIN");
  const thomas = await createMember(employer);
  const ft = await createOrganization("PRESCRIBER", { type: "FT" });
  const ml = await createOrganization("PRESCRIBER", { type: "ML" });
  const ftAdviser = await createMember(ft);
  const mlAdviser = await createMember(ml);
  const elsewhere = await createOrganization("EMPLOYER");
  const now = Date.now();
  const amina = await createCandidate({ email: null, firstName: "Amina", lastName: `Kone${now}` });
  const other = await createCandidate();
  const send = (
    candidateId: string,
    sender: { userId: string; organizationId: string },
    daysAgo: number,
    status?: "NEW" | "PROCESSING" | "POSTPONED",
    to = employer.id,
  ) => createApplication({ candidateId, sender, employerOrganizationId: to, status, createdAt: new Date(now - daysAgo * DAY) });
  const apps = {
    newFromFt: await send(amina.id, ftAdviser.ctx, 1),
    processingFromMl: await send(other.id, mlAdviser.ctx, 5, "PROCESSING"),
    postponedFromFt: await send(other.id, ftAdviser.ctx, 12, "POSTPONED"),
  };
  await prisma.jobApplication.update({ where: { id: apps.processingFromMl.id }, data: { handlerId: thomas.user.id } });
  // Received by someone else: never listed, never shown.
  const notOurs = await send(amina.id, ftAdviser.ctx, 2, "NEW", elsewhere.id);
  return { employer, nadia, thomas, ft, ml, amina, apps, notOurs, now, ftAdviser };
}

describe("listApplications on the employer side", () => {
  it("lists what the employer received, newest first, and counts «\u00a0À traiter\u00a0» / «\u00a0En attente\u00a0»", async () => {
    const s = await employerWithApplications();
    const { rows, counts, nextCursor, previousCursor } = await listApplications(s.nadia.ctx, parseListFilters({}));
    expect(ids(rows)).toEqual([s.apps.newFromFt.id, s.apps.processingFromMl.id, s.apps.postponedFromFt.id]);
    expect(counts.NEW + counts.PROCESSING).toBe(2);
    expect(counts.POSTPONED).toBe(1);
    expect([nextCursor, previousCursor]).toEqual([null, null]);
  });

  it("filters by several statuses, candidate, prescriber organisation, handler (or nobody) and dates", async () => {
    const s = await employerWithApplications();
    const list = async (params: Record<string, string | string[]>) =>
      ids((await listApplications(s.nadia.ctx, parseListFilters(params))).rows);
    expect(await list({ status: ["NEW", "PROCESSING"] })).toEqual([s.apps.newFromFt.id, s.apps.processingFromMl.id]);
    expect(await list({ candidate: `amina ${s.amina.lastName.toLowerCase()}` })).toEqual([s.apps.newFromFt.id]);
    expect(await list({ prescriberOrganization: s.ft.id })).toEqual([s.apps.newFromFt.id, s.apps.postponedFromFt.id]);
    expect(await list({ handler: s.thomas.user.id })).toEqual([s.apps.processingFromMl.id]);
    expect(await list({ handler: "none" })).toEqual([s.apps.newFromFt.id, s.apps.postponedFromFt.id]);
    expect(await list({ sentFrom: isoDay(s.now - 6 * DAY), sentTo: isoDay(s.now - 3 * DAY) })).toEqual([s.apps.processingFromMl.id]);
    // The prescriber-side filters mean nothing here, and never widen the scope.
    expect(await list({ employer: s.notOurs.employerOrganizationId })).toHaveLength(3);
  });

  it("gives each row the names the table shows, the same whether the page reads the profile for its order or not", async () => {
    const s = await employerWithApplications();
    const job = await createJob(s.employer.id, { title: "Agent d'entretien", contractType: "CDDI" });
    await prisma.applicationJob.create({ data: { applicationId: s.apps.newFromFt.id, jobDescriptionId: job.id } });
    const rowsBy = async (params: Record<string, string>) =>
      (await listApplications(s.nadia.ctx, parseListFilters(params))).rows.sort((a, b) => a.id.localeCompare(b.id));
    // By date, the names are looked up row by row; by name or with the name filter, the page joins the profile.
    const byDate = await rowsBy({});
    expect(await rowsBy({ sort: "name_asc" })).toEqual(byDate);
    const withJob = byDate.find((row) => row.id === s.apps.newFromFt.id)!;
    expect(await rowsBy({ candidate: s.amina.lastName })).toEqual([withJob]);
    expect(withJob).toMatchObject({
      candidateProfile: { candidateId: s.amina.id, firstName: "Amina", lastName: s.amina.lastName },
      senderUser: { id: s.ftAdviser.user.id, firstName: s.ftAdviser.user.firstName, lastName: s.ftAdviser.user.lastName },
      senderOrganization: { id: s.ft.id, name: s.ft.name },
      employerOrganization: { id: s.employer.id, name: s.employer.name, city: "Lille" },
      handler: null,
      jobs: [{ jobDescription: { title: "Agent d'entretien", contractType: "CDDI" } }],
    });
    expect(byDate.find((row) => row.id === s.apps.processingFromMl.id)).toMatchObject({
      handler: { id: s.thomas.user.id, firstName: s.thomas.user.firstName, lastName: s.thomas.user.lastName },
      jobs: [],
    });
  });

  it("pages by 20 forwards and back on (date, id), keeping the filters, never OFFSET", async () => {
    const employer = await createOrganization("EMPLOYER");
    const member = await createMember(employer);
    const prescriber = await createMember(await createOrganization("PRESCRIBER"));
    const candidate = await createCandidate();
    const sameMoment = new Date(Date.now() - DAY);
    const created = [];
    for (let i = 0; i < 2 * PAGE_SIZE + 5; i++) {
      // A run of equal timestamps straddles the first page break.
      const createdAt = i >= 15 && i < 25 ? sameMoment : new Date(sameMoment.getTime() + (i < 15 ? 1 : -1) * (i + 1) * 1000);
      created.push(
        await createApplication({ candidateId: candidate.id, sender: prescriber.ctx, employerOrganizationId: employer.id, createdAt }),
      );
    }
    const page = (params: Record<string, string>) => listApplications(member.ctx, parseListFilters({ status: ["NEW"], ...params }));

    const one = await page({});
    const two = await page({ after: one.nextCursor! });
    const three = await page({ after: two.nextCursor! });
    expect([one.rows.length, two.rows.length, three.rows.length]).toEqual([PAGE_SIZE, PAGE_SIZE, 5]);
    expect(three.nextCursor).toBeNull();
    expect(one.previousCursor).toBeNull();
    expect(new Set(ids([...one.rows, ...two.rows, ...three.rows]))).toEqual(new Set(ids(created)));

    // Back from page three gives page two, then page one, which has nothing before it.
    const backToTwo = await page({ before: three.previousCursor! });
    expect(ids(backToTwo.rows)).toEqual(ids(two.rows));
    expect(backToTwo.nextCursor).toBe(two.nextCursor);
    const backToOne = await page({ before: backToTwo.previousCursor! });
    expect(ids(backToOne.rows)).toEqual(ids(one.rows));
    expect(backToOne.previousCursor).toBeNull();
    expect(backToOne.nextCursor).toBe(one.nextCursor);

    // Links carry one direction at a time; the filters stay in the URL.
    const params = listFiltersToSearchParams({ ...parseListFilters({ status: ["NEW"], before: "x" }), after: one.nextCursor! });
    expect(params.getAll("status")).toEqual(["NEW"]);
    expect(params.has("before")).toBe(false);
  });

  it("offers the prescriber organisations that sent something, and the team (plus past handlers) for «\u00a0Prise en charge par\u00a0»", async () => {
    const s = await employerWithApplications();
    expect(ids(await filterOptions(s.nadia.ctx, "prescriberOrganization")).sort()).toEqual([s.ft.id, s.ml.id].sort());
    const formerHandler = await createMember(s.employer);
    await prisma.jobApplication.update({ where: { id: s.apps.newFromFt.id }, data: { handlerId: formerHandler.user.id } });
    await prisma.membership.updateMany({ where: { userId: formerHandler.user.id }, data: { isActive: false } });
    const handlers = ids(await filterOptions(s.nadia.ctx, "handler")).sort();
    expect(handlers).toEqual([s.nadia.user.id, s.thomas.user.id, formerHandler.user.id].sort());
    expect(await filterOptions(s.ftAdviser.ctx, "handler")).toEqual([]);
  });
});

describe("getApplicationForMember", () => {
  it("shows an application to the employer that received it and the prescriber organisation that sent it, to nobody else", async () => {
    const s = await employerWithApplications();
    const ftColleague = await createMember(s.ft);
    const id = s.apps.newFromFt.id;
    expect((await getApplicationForMember(s.thomas.ctx, id))?.id).toBe(id);
    expect((await getApplicationForMember(ftColleague.ctx, id))?.id).toBe(id);

    const otherEmployer = await createMember(await createOrganization("EMPLOYER"));
    const mlAdviser = await createMember(s.ml);
    expect(await getApplicationForMember(otherEmployer.ctx, id)).toBeNull();
    expect(await getApplicationForMember(mlAdviser.ctx, id)).toBeNull();
    // The kind decides the side: an employer id presented as a prescriber sees nothing.
    expect(await getApplicationForMember({ organizationId: s.employer.id, organizationKind: "PRESCRIBER" }, id)).toBeNull();
    expect(await getApplicationForMember(s.thomas.ctx, s.notOurs.id)).toBeNull();
    expect(await getApplicationForMember(s.thomas.ctx, "x".repeat(500))).toBeNull();
  });
});
