import { describe, expect, it } from "vitest";
import { applicationCsvCells, csvCell, csvLine, iterateListApplications } from "@/lib/applications/export";
import { parseListFilters } from "@/lib/applications/list-filters";
import { createApplication, createCandidate, createMember, createOrganization } from "@/test/fixtures";

describe("CSV cells", () => {
  it("quotes separators, quotes and line breaks, and neutralises spreadsheet formulas", () => {
    expect(csvCell("Dupont")).toBe("Dupont");
    expect(csvCell("Agent; tri")).toBe('"Agent; tri"');
    expect(csvCell('Dit "le grand"')).toBe('"Dit ""le grand"""');
    expect(csvCell("ligne\nsuivante")).toBe('"ligne\nsuivante"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvLine(["a", "b"])).toBe("a;b\r\n");
  });
});

describe("iterateListApplications", () => {
  it("reads every application of the organisation under the filters, newest first, across batches", async () => {
    const org = await createOrganization("PRESCRIBER");
    const sender = await createMember(org);
    const employer = await createOrganization("EMPLOYER");
    const otherOrg = await createOrganization("PRESCRIBER");
    const other = await createMember(otherOrg);
    const candidate = await createCandidate();
    const base = Date.now() - 3_600_000;
    const mine = [];
    for (let i = 0; i < 5; i++) {
      mine.push(
        await createApplication({
          candidateId: candidate.id,
          sender: sender.ctx,
          employerOrganizationId: employer.id,
          status: i === 0 ? "REFUSED" : "NEW",
          createdAt: new Date(base - i * 1000),
        }),
      );
    }
    await createApplication({ candidateId: candidate.id, sender: other.ctx, employerOrganizationId: employer.id });

    const read = async (params: Record<string, string>) => {
      const rows = [];
      for await (const row of iterateListApplications(sender.ctx, parseListFilters(params), 2)) rows.push(row);
      return rows;
    };
    expect((await read({})).map((r) => r.id)).toEqual(mine.map((a) => a.id));
    expect((await read({ status: "NEW" })).map((r) => r.id)).toEqual(mine.slice(1).map((a) => a.id));

    const [first] = await read({ status: "REFUSED" });
    expect(applicationCsvCells(first!)).toEqual([
      `${candidate.firstName} ${candidate.lastName}`,
      employer.name,
      "Lille",
      // Issue 13: no job named, so a spontaneous application.
      "Candidature spontanée",
      `Prénom ${sender.user.lastName}`,
      expect.stringMatching(/^\d{2}\/\d{2}\/\d{4}$/),
      "Candidature déclinée",
    ]);
    // Another prescriber organisation reads only its own application.
    const theirs = [];
    for await (const row of iterateListApplications(other.ctx, parseListFilters({}))) theirs.push(row);
    expect(theirs).toHaveLength(1);
    expect(theirs[0]!.senderOrganization.id).toBe(otherOrg.id);
  });
});
