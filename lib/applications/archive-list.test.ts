/** The lists under archiving (issue 10): the employer's show active ones by default; the prescriber's are unchanged. */
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createApplication, createCandidate, createScenario } from "@/test/fixtures";
import { listApplications } from "@/lib/applications/list";
import { listHref, parseListFilters } from "@/lib/applications/list-filters";
import { archiveViewSql, countApplicationsByStatus } from "@/lib/applications/queries";
import { archiveApplications } from "@/lib/applications/archive";
import type { ApplicationStatus } from "@/lib/status";

let s: Awaited<ReturnType<typeof createScenario>>;
const ids = {} as Record<"refusedArchived" | "refused" | "fresh" | "oldNew", string>;
beforeAll(async () => {
  s = await createScenario();
  const make = async (status: ApplicationStatus) =>
    (
      await createApplication({
        candidateId: (await createCandidate()).id,
        sender: s.prescriber.ctx,
        employerOrganizationId: s.employerOrg.id,
        status,
      })
    ).id;
  ids.refusedArchived = await make("REFUSED");
  ids.refused = await make("REFUSED");
  ids.fresh = await make("NEW");
  ids.oldNew = await make("NEW");
  await archiveApplications(s.employer.ctx, [{ applicationId: ids.refusedArchived, status: "REFUSED" }]);
  // As the daily job leaves it: archived untouched pending application.
  await prisma.jobApplication.update({ where: { id: ids.oldNew }, data: { archivedAt: new Date() } });
});

const rowsOf = async (ctx: Parameters<typeof listApplications>[0], params: Record<string, string> = {}) => {
  const list = await listApplications(ctx, parseListFilters(params));
  return { ids: list.rows.map((row) => row.id).sort(), counts: list.counts, activeCounts: list.activeCounts };
};

describe("the employer's list and counters", () => {
  it("show active applications by default, archived ones under «\u00a0Archivées\u00a0», both under «\u00a0Toutes\u00a0»", async () => {
    const active = await rowsOf(s.employer.ctx);
    expect(active.ids).toEqual([ids.refused, ids.fresh].sort());
    expect(active.counts).toMatchObject({ NEW: 1, REFUSED: 1 });

    const archived = await rowsOf(s.employer.ctx, { archive: "archived" });
    expect(archived.ids).toEqual([ids.refusedArchived, ids.oldNew].sort());
    expect(archived.counts).toMatchObject({ NEW: 1, REFUSED: 1 });
    // The work queues still count active applications only.
    expect(archived.activeCounts).toMatchObject({ NEW: 1, REFUSED: 1 });

    expect((await rowsOf(s.employer.ctx, { archive: "all" })).ids).toEqual(Object.values(ids).sort());
    // An unknown view is the default one.
    expect((await rowsOf(s.employer.ctx, { archive: "bogus" })).ids).toEqual(active.ids);
  });

  it("keeps the view in the URL, the default one out of it", () => {
    expect(listHref("/employer/applications", parseListFilters({ archive: "archived", status: "REFUSED" }))).toBe(
      "/employer/applications?status=REFUSED&archive=archived",
    );
    expect(listHref("/employer/applications", parseListFilters({}))).toBe("/employer/applications");
  });

  it("leave archived applications out of the employer's dashboard, not the prescriber's", async () => {
    expect(await countApplicationsByStatus(s.employer.ctx, archiveViewSql(s.employer.ctx, "active")!)).toMatchObject({
      counts: { NEW: 1, REFUSED: 1 },
    });
    expect(await countApplicationsByStatus(s.prescriber.ctx, archiveViewSql(s.prescriber.ctx, "active") ?? undefined)).toMatchObject({
      counts: { NEW: 2, REFUSED: 2 },
    });
  });
});

describe("the prescriber's list", () => {
  it("is unchanged: every application, whatever the employer archived and whatever the URL says", async () => {
    for (const archive of [undefined, "archived", "active", "all"]) {
      const list = await rowsOf(s.prescriber.ctx, archive ? { archive } : {});
      expect(list.ids, archive).toEqual(Object.values(ids).sort());
    }
  });
});
