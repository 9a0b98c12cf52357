/** Sorting both lists (issue 10 item 5): by date, candidate name or status, both ways, keyset pages across equal keys. */
import { describe, expect, it } from "vitest";
import { listApplications, PAGE_SIZE, type ApplicationListRow } from "@/lib/applications/list";
import { LIST_SORTS, listFiltersToSearchParams, parseListFilters, type ListSort } from "@/lib/applications/list-filters";
import { APPLICATION_STATUSES, type ApplicationStatus } from "@/lib/status";
import type { MemberContext } from "@/lib/auth/guards";
import { createApplication, createCandidate, createMember, createOrganization } from "@/test/fixtures";

const ids = (rows: { id: string }[]) => rows.map((row) => row.id);
const LAST_NAMES = ["Martin", "Bernard", "Dubois"];
const FIRST_NAMES = ["Alice", "Bruno"];
const STATUSES: ApplicationStatus[] = ["NEW", "PROCESSING", "POSTPONED", "REFUSED"];

/** 45 applications with many equal names, statuses and dates, so that ties straddle the page breaks. */
async function crowdedEmployer() {
  const employer = await createOrganization("EMPLOYER");
  const member = await createMember(employer);
  const prescriber = await createMember(await createOrganization("PRESCRIBER"));
  const people = [];
  for (const lastName of LAST_NAMES) {
    for (const firstName of FIRST_NAMES) people.push(await createCandidate({ firstName, lastName }));
  }
  const base = Date.now() - 86_400_000;
  for (let i = 0; i < 2 * PAGE_SIZE + 5; i++) {
    await createApplication({
      candidateId: people[i % people.length]!.id,
      sender: prescriber.ctx,
      employerOrganizationId: employer.id,
      status: STATUSES[i % STATUSES.length],
      // Only three distinct moments: dates tie as often as names and statuses do.
      createdAt: new Date(base + (i % 3) * 60_000),
    });
  }
  return { member, prescriber };
}

/** The order each sort promises, computed here independently of the query. */
function expectedOrder(rows: ApplicationListRow[], sort: ListSort): string[] {
  const [field, direction] = sort.split("_") as ["date" | "name" | "status", "asc" | "desc"];
  const sign = direction === "asc" ? 1 : -1;
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  const newestFirst = (a: ApplicationListRow, b: ApplicationListRow) =>
    -cmp(a.createdAt.getTime(), b.createdAt.getTime()) || -cmp(a.id, b.id);
  return [...rows]
    .sort((a, b) => {
      if (field === "date") return sign * (cmp(a.createdAt.getTime(), b.createdAt.getTime()) || cmp(a.id, b.id));
      if (field === "name") {
        const byName =
          cmp(a.candidateProfile.lastName, b.candidateProfile.lastName) || cmp(a.candidateProfile.firstName, b.candidateProfile.firstName);
        return sign * byName || newestFirst(a, b);
      }
      return sign * cmp(APPLICATION_STATUSES.indexOf(a.status), APPLICATION_STATUSES.indexOf(b.status)) || newestFirst(a, b);
    })
    .map((row) => row.id);
}

async function walk(ctx: MemberContext, sort: ListSort) {
  const page = (params: Record<string, string>) => listApplications(ctx, parseListFilters({ sort, ...params }));
  const forward = [await page({})];
  while (forward.at(-1)!.nextCursor) forward.push(await page({ after: forward.at(-1)!.nextCursor! }));
  const backward = [forward.at(-1)!];
  while (backward.at(-1)!.previousCursor) backward.push(await page({ before: backward.at(-1)!.previousCursor! }));
  return { forward, backward: backward.reverse() };
}

describe("sorting the lists", () => {
  it.each(LIST_SORTS)("pages forwards and back in the order «\u00a0%s\u00a0», ties included, each row exactly once", async (sort) => {
    const { member } = await crowdedEmployer();
    const { forward, backward } = await walk(member.ctx, sort);
    expect(forward.map((p) => p.rows.length)).toEqual([PAGE_SIZE, PAGE_SIZE, 5]);
    const all = forward.flatMap((p) => p.rows);
    expect(ids(all)).toEqual(expectedOrder(all, sort));
    expect(new Set(ids(all)).size).toBe(all.length);
    // Paging back through the cursors gives the very same pages.
    expect(backward.map((p) => ids(p.rows))).toEqual(forward.map((p) => ids(p.rows)));
  });

  it("keeps the sort in the URL (not the default one), and ignores a cursor made for another order", async () => {
    const { member } = await crowdedEmployer();
    const byName = await listApplications(member.ctx, parseListFilters({ sort: "name_asc" }));
    expect(listFiltersToSearchParams(parseListFilters({ sort: "name_asc", status: "NEW" })).toString()).toBe("status=NEW&sort=name_asc");
    expect(listFiltersToSearchParams(parseListFilters({ sort: "date_desc" })).toString()).toBe("");
    expect(parseListFilters({ sort: "nope" }).sort).toBe("date_desc");
    // A name cursor on the date order: page one of the date order, not an error.
    const mixed = await listApplications(member.ctx, parseListFilters({ sort: "date_desc", after: byName.nextCursor! }));
    const first = await listApplications(member.ctx, parseListFilters({}));
    expect(ids(mixed.rows)).toEqual(ids(first.rows));
    expect(mixed.previousCursor).toBeNull();
  });

  it("sorts the prescriber's list by the names its organisation recorded", async () => {
    const { prescriber } = await crowdedEmployer();
    const { forward } = await walk(prescriber.ctx, "name_desc");
    const names = forward.flatMap((p) => p.rows.map((row) => row.candidateProfile.lastName));
    expect(names.slice(0, 3)).toEqual(["Martin", "Martin", "Martin"]);
    expect(names.at(-1)).toBe("Bernard");
  });
});
