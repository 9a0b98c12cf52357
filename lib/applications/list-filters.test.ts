/** The filters of both lists: real calendar days with the day boundaries of Paris, and counts that follow every filter. */
import { describe, expect, it } from "vitest";
import { listApplications } from "@/lib/applications/list";
import { NARROWING_FILTERS, parseListFilters } from "@/lib/applications/list-filters";
import { createApplication, createScenario } from "@/test/fixtures";

describe("list date filters", () => {
  it("drop a day that does not exist instead of reading it as another one", () => {
    expect(parseListFilters({ sentFrom: "2026-02-31", sentTo: "2025-02-29" })).toMatchObject({ sentFrom: undefined, sentTo: undefined });
    expect(parseListFilters({ sentFrom: "2026-13-01", sentTo: "2026-04-31" })).toMatchObject({ sentFrom: undefined, sentTo: undefined });
    expect(parseListFilters({ sentFrom: "2024-02-29", sentTo: "2026-02-28" })).toMatchObject({
      sentFrom: "2024-02-29",
      sentTo: "2026-02-28",
    });
  });

  it("read two days typed the wrong way round as the days between them", () => {
    expect(parseListFilters({ sentFrom: "2026-11-20", sentTo: "2026-11-01" })).toMatchObject({
      sentFrom: "2026-11-01",
      sentTo: "2026-11-20",
    });
    expect(parseListFilters({ sentFrom: "2026-11-20" })).toMatchObject({ sentFrom: "2026-11-20" });
    expect(parseListFilters({ sentFrom: "2026-11-20" }).sentTo).toBeUndefined();
  });

  it("start a day at midnight in Paris and include all of the last day, in winter, in summer and when the clocks change", async () => {
    const s = await createScenario();
    // Each one is sent shortly after midnight in Paris, still the day before in UTC.
    const sentAt = {
      winter: new Date("2026-01-15T23:30:00Z"), // 16 January, 00:30 in Paris (UTC+1)
      summer: new Date("2026-07-15T22:30:00Z"), // 16 July, 00:30 in Paris (UTC+2)
      clocksForward: new Date("2026-03-28T23:10:00Z"), // 29 March, 00:10 in Paris, before 02:00 becomes 03:00
    };
    // One after another: the first application creates the sender's record of the person, and
    // concurrent creations raced on it (a unique-constraint failure now and then).
    const ids: Record<string, string> = {};
    for (const [key, createdAt] of Object.entries(sentAt)) {
      const app = await createApplication({
        candidateId: s.candidate.id,
        sender: s.prescriber.ctx,
        employerOrganizationId: s.employerOrg.id,
        createdAt,
      });
      ids[key] = app.id;
    }
    const list = async (params: Record<string, string>) =>
      (await listApplications(s.prescriber.ctx, parseListFilters(params))).rows.map((row) => row.id);

    expect(await list({ sentFrom: "2026-01-16", sentTo: "2026-01-16" })).toEqual([ids.winter]);
    expect(await list({ sentTo: "2026-01-15" })).toEqual([]);
    expect(await list({ sentFrom: "2026-07-16", sentTo: "2026-07-16" })).toEqual([ids.summer]);
    expect(await list({ sentFrom: "2026-07-01", sentTo: "2026-07-15" })).toEqual([]);
    expect(await list({ sentFrom: "2026-03-29", sentTo: "2026-03-29" })).toEqual([ids.clocksForward]);
    expect(await list({ sentFrom: "2026-03-01", sentTo: "2026-03-28" })).toEqual([]);
    // The last day counts until 23:59:59 in Paris.
    expect(await list({ sentFrom: "2026-01-01", sentTo: "2026-07-16" })).toEqual([ids.summer, ids.clocksForward, ids.winter]);
  });
});

describe("narrowing filters", () => {
  it("narrow the counts per status as they narrow the rows, each one of them, on both sides", async () => {
    const s = await createScenario();
    await createApplication({ candidateId: s.candidate.id, sender: s.prescriber.ctx, employerOrganizationId: s.employerOrg.id });
    // A value that matches nothing, for every narrowing filter: the counts must not come from the
    // counter table (every application) while the rows are filtered.
    const matchesNothing: Record<(typeof NARROWING_FILTERS)[number], string> = {
      candidate: "Personne-de-ce-nom",
      sender: "no-such-user",
      employer: "no-such-organisation",
      prescriberOrganization: "no-such-organisation",
      handler: "no-such-user",
      job: "no-such-job",
      sentFrom: "2099-01-01",
      sentTo: "2000-01-01",
    };
    const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    for (const scope of [s.prescriber.ctx, s.employer.ctx]) {
      expect(total((await listApplications(scope, parseListFilters({}))).counts)).toBe(1);
      const emptied: string[] = [];
      for (const key of NARROWING_FILTERS) {
        const list = await listApplications(scope, parseListFilters({ [key]: matchesNothing[key] }));
        // A filter this side does not offer is ignored: then one row, counted once.
        expect(total(list.counts), key).toBe(list.rows.length);
        if (list.rows.length === 0) emptied.push(key);
      }
      expect(emptied).toEqual(expect.arrayContaining(["candidate", "sentFrom", "sentTo"]));
    }
  });
});
