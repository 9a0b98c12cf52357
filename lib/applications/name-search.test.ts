/** The candidate-name search, accents aside, on both lists and in the prescriber's candidate search (also run on the embedded PGlite). */
import { describe, expect, it } from "vitest";
import { listApplications } from "@/lib/applications/list";
import { parseListFilters } from "@/lib/applications/list-filters";
import { searchOrganizationCandidates } from "@/lib/applications/candidates";
import { createApplication, createCandidate, createMember, createOrganization } from "@/test/fixtures";

async function namedCandidates() {
  const prescriberOrg = await createOrganization("PRESCRIBER");
  const employerOrg = await createOrganization("EMPLOYER");
  const prescriber = await createMember(prescriberOrg);
  const employer = await createMember(employerOrg, "ADMIN");
  const people = {
    ines: await createCandidate({ firstName: "Inès", lastName: "Chérif" }),
    chloe: await createCandidate({ firstName: "Chloé", lastName: "Cherif" }),
    zoe: await createCandidate({ firstName: "Zoé", lastName: "Saïdi-Lacœur" }),
  };
  // One after another: each first application creates the sender's record of the person.
  const applications: Record<keyof typeof people, string> = { ines: "", chloe: "", zoe: "" };
  for (const [key, candidate] of Object.entries(people) as [keyof typeof people, { id: string }][]) {
    const app = await createApplication({ candidateId: candidate.id, sender: prescriber.ctx, employerOrganizationId: employerOrg.id });
    applications[key] = app.id;
  }
  return { prescriber, employer, people, applications };
}

describe("candidate-name search", () => {
  it("finds a name whatever its accents and case, both ways, in the rows and the counts of both lists", async () => {
    const s = await namedCandidates();
    const cases: [query: string, found: (keyof typeof s.applications)[]][] = [
      ["ines", ["ines"]],
      ["INES", ["ines"]],
      ["inès", ["ines"]],
      ["cherif", ["ines", "chloe"]],
      ["Chérif", ["ines", "chloe"]],
      ["chloe cherif", ["chloe"]],
      ["zoe saidi", ["zoe"]],
      ["lacoeur", ["zoe"]],
      // Full-width ％ and ＿ lose their width with the accents: still letters to look for, not wildcards.
      ["％", []],
      ["＿", []],
    ];
    for (const scope of [s.prescriber.ctx, s.employer.ctx]) {
      for (const [query, found] of cases) {
        const list = await listApplications(scope, parseListFilters({ candidate: query }));
        const expected = found.map((key) => s.applications[key]).sort();
        expect(list.rows.map((row) => row.id).sort(), `${scope.organizationKind} "${query}"`).toEqual(expected);
        expect(
          Object.values(list.counts).reduce((a, b) => a + b, 0),
          `${scope.organizationKind} "${query}" counts`,
        ).toBe(found.length);
      }
    }
  });

  it("finds the prescriber's own candidates whatever their accents", async () => {
    const s = await namedCandidates();
    const search = async (query: string) => (await searchOrganizationCandidates(s.prescriber.ctx, query)).map((row) => row.id).sort();
    expect(await search("ines")).toEqual([s.people.ines.id]);
    expect(await search("cherif")).toEqual([s.people.ines.id, s.people.chloe.id].sort());
    expect(await search("CHÉRIF chloe")).toEqual([s.people.chloe.id]);
    expect(await search("saidi")).toEqual([s.people.zoe.id]);
    expect(await searchOrganizationCandidates(s.employer.ctx, "ines")).toEqual([]);
  });
});
