/** "Suivi des candidatures" (issue 4): filters in the URL, keyset pages of 20, counters; and the employer search of the form. */
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { listApplications, PAGE_SIZE } from "@/lib/applications/list";
import { parseListFilters } from "@/lib/applications/list-filters";
import { searchEmployers } from "@/lib/applications/employers";
import { createApplication, createCandidate, createMember, createOrganization } from "@/test/fixtures";

const DAY = 86_400_000;

async function organisationWithApplications() {
  const org = await createOrganization("PRESCRIBER");
  const sender = await createMember(org);
  const colleague = await createMember(org);
  const employerA = await createOrganization("EMPLOYER");
  const employerB = await createOrganization("EMPLOYER");
  const now = Date.now();
  const sophie = await createCandidate({ email: null, firstName: "Sophie", lastName: `Marchal${now}` });
  const other = await createCandidate();
  const apps = {
    newA: await createApplication({
      candidateId: sophie.id,
      sender: sender.ctx,
      employerOrganizationId: employerA.id,
      createdAt: new Date(now - 1 * DAY),
    }),
    refusedB: await createApplication({
      candidateId: sophie.id,
      sender: colleague.ctx,
      employerOrganizationId: employerB.id,
      status: "REFUSED",
      createdAt: new Date(now - 10 * DAY),
    }),
    processingA: await createApplication({
      candidateId: other.id,
      sender: colleague.ctx,
      employerOrganizationId: employerA.id,
      status: "PROCESSING",
      createdAt: new Date(now - 20 * DAY),
    }),
  };
  return { org, sender, colleague, employerA, employerB, sophie, apps, now };
}

const ids = (rows: { id: string }[]) => rows.map((row) => row.id);
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

describe("listApplications on the prescriber side", () => {
  it("lists every application of the organisation, newest first, with the counts per status", async () => {
    const s = await organisationWithApplications();
    const { rows, counts, nextCursor } = await listApplications(s.sender.ctx, parseListFilters({}));
    expect(ids(rows)).toEqual([s.apps.newA.id, s.apps.refusedB.id, s.apps.processingA.id]);
    expect(counts).toMatchObject({ NEW: 1, REFUSED: 1, PROCESSING: 1, ACCEPTED: 0 });
    expect(nextCursor).toBeNull();
  });

  it("filters by several statuses, candidate name, sender, employer and dates — counts ignore only the status filter", async () => {
    const s = await organisationWithApplications();
    const list = (params: Record<string, string | string[]>) => listApplications(s.sender.ctx, parseListFilters(params));

    expect(ids((await list({ status: ["NEW", "PROCESSING"] })).rows)).toEqual([s.apps.newA.id, s.apps.processingA.id]);
    expect(ids((await list({ candidate: `sophie ${s.sophie.lastName.toUpperCase()}` })).rows)).toEqual([
      s.apps.newA.id,
      s.apps.refusedB.id,
    ]);
    // Typed characters are matched as such: « % » or « _ » is not a wildcard matching every name.
    expect((await list({ candidate: "%" })).rows).toEqual([]);
    expect((await list({ candidate: "_" })).rows).toEqual([]);
    expect(ids((await list({ sender: s.colleague.user.id })).rows)).toEqual([s.apps.refusedB.id, s.apps.processingA.id]);
    expect(ids((await list({ employer: s.employerA.id })).rows)).toEqual([s.apps.newA.id, s.apps.processingA.id]);
    expect(ids((await list({ sentFrom: isoDay(s.now - 15 * DAY), sentTo: isoDay(s.now - 5 * DAY) })).rows)).toEqual([s.apps.refusedB.id]);

    const combined = await list({ status: "NEW", employer: s.employerA.id });
    expect(ids(combined.rows)).toEqual([s.apps.newA.id]);
    expect(combined.counts).toMatchObject({ NEW: 1, PROCESSING: 1, REFUSED: 0 });
  });

  it("ignores malformed filters instead of failing", async () => {
    const s = await organisationWithApplications();
    const { rows } = await listApplications(s.sender.ctx, parseListFilters({ status: ["NOPE"], sentFrom: "hier", after: "garbage" }));
    expect(rows).toHaveLength(3);
  });

  it("pages by 20 with a keyset cursor that survives equal timestamps", async () => {
    const org = await createOrganization("PRESCRIBER");
    const sender = await createMember(org);
    const employer = await createOrganization("EMPLOYER");
    const candidate = await createCandidate();
    const sameMoment = new Date(Date.now() - DAY);
    const created = [];
    for (let i = 0; i < PAGE_SIZE + 5; i++) {
      created.push(
        await createApplication({
          candidateId: candidate.id,
          sender: sender.ctx,
          employerOrganizationId: employer.id,
          createdAt: i < 10 ? sameMoment : new Date(sameMoment.getTime() - i * 1000),
        }),
      );
    }
    const first = await listApplications(sender.ctx, parseListFilters({}));
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(first.nextCursor).not.toBeNull();
    const second = await listApplications(sender.ctx, parseListFilters({ after: first.nextCursor! }));
    expect(second.rows).toHaveLength(5);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...ids(first.rows), ...ids(second.rows)])).toEqual(new Set(ids(created)));
  });
});

describe("searchEmployers", () => {
  it("finds employers by name, city or type, and never a prescriber organisation", async () => {
    const tag = `Zq${Date.now().toString(36)}`;
    const aci = await prisma.organization.update({
      where: { id: (await createOrganization("EMPLOYER", { name: `Jardins ${tag}`, type: "ACI" })).id },
      data: { city: `Tourcoing${tag}` },
    });
    const ei = await createOrganization("EMPLOYER", { name: `Recyclerie ${tag}`, type: "EI" });
    const prescriber = await createOrganization("PRESCRIBER", { name: `Mission ${tag}` });

    expect((await searchEmployers(tag)).map((e) => e.id).sort()).toEqual([aci.id, ei.id].sort());
    expect((await searchEmployers(`recyclerie ${tag.toLowerCase()}`)).map((e) => e.id)).toEqual([ei.id]);
    expect((await searchEmployers(`tourcoing${tag}`)).map((e) => e.id)).toEqual([aci.id]);
    expect((await searchEmployers(`aci ${tag}`)).map((e) => e.id)).toEqual([aci.id]);
    expect((await searchEmployers(tag, "EI")).map((e) => e.id)).toEqual([ei.id]);
    expect((await searchEmployers(`Mission ${tag}`)).map((e) => e.id)).not.toContain(prescriber.id);
    expect(await searchEmployers(`introuvable-${tag}`)).toEqual([]);
    // Accents aside, both ways: « Reussir » finds « Réussir », « Émile » finds « Emile ».
    const reussir = await createOrganization("EMPLOYER", { name: `Réussir ${tag}`, type: "EI", postalCode: "59100" });
    expect((await searchEmployers(`reussir ${tag}`)).map((e) => e.id)).toEqual([reussir.id]);
    expect((await searchEmployers(`RÉUSSIR ${tag}`)).map((e) => e.id)).toEqual([reussir.id]);
    // A postal code is a prefix, its wildcards literal.
    expect((await searchEmployers(`${tag} 591`)).map((e) => e.id)).toEqual([reussir.id]);
    expect(await searchEmployers(`${tag} 5_`)).toEqual([]);
    expect(await searchEmployers("   ")).toEqual([]);
  });
});
