import "server-only";
import { readDb } from "@/lib/read-db";
import { seesArchive, visibleApplicationsWhere, type AccessScope } from "@/lib/access";
import type { ArchiveView } from "@/lib/applications/list-filters";
import type { Prisma } from "@/lib/generated/prisma/client";
import { APPLICATION_STATUSES, emptyStatusCounts, type ApplicationStatus } from "@/lib/status";
import { COUNT_CAP } from "@/lib/applications/count-cap";

export interface StatusCounts {
  counts: Record<ApplicationStatus, number>;
  /** Some count stopped at the cap: it says "at least" (lib/applications/count-cap.ts). */
  capped: boolean;
}

/**
 * Counts per status of the organisation's applications under `where`, every status present (0 when
 * none), each read no further than `cap` + 1 rows. The usual filtered list (a name, a short
 * period) has fewer matches than the cap: one query reads their statuses. Past the cap, one
 * bounded count per status says which statuses pass it.
 */
export async function countApplicationsByStatus(
  ctx: AccessScope,
  where: Prisma.JobApplicationWhereInput = {},
  cap = COUNT_CAP,
): Promise<StatusCounts> {
  const db = await readDb();
  const visible: Prisma.JobApplicationWhereInput = { AND: [visibleApplicationsWhere(ctx), where] };
  const counts = emptyStatusCounts();
  // Newest first, as the lists: the planner walks an (organisation, …, createdAt) index and stops at
  // the cap, rather than scanning the table for matches scattered through it.
  const newestFirst = { createdAt: "desc" } as const;
  const rows = await db.jobApplication.findMany({ where: visible, select: { status: true }, orderBy: newestFirst, take: cap + 1 });
  if (rows.length <= cap) {
    for (const row of rows) counts[row.status] += 1;
    return { counts, capped: false };
  }
  const perStatus = await Promise.all(
    APPLICATION_STATUSES.map((status) =>
      db.jobApplication.count({ where: { AND: [visible, { status }] }, orderBy: newestFirst, take: cap + 1 }),
    ),
  );
  APPLICATION_STATUSES.forEach((status, index) => (counts[status] = perStatus[index]!));
  return { counts, capped: true };
}

/**
 * The applications of an archive view (issue 10): the employer's lists, counters and dashboard
 * show the active ones by default; the prescriber's view ignores archiving (always everything).
 */
export function archiveViewWhere(scope: AccessScope, view: ArchiveView): Prisma.JobApplicationWhereInput {
  if (!seesArchive(scope) || view === "all") return {};
  return view === "active" ? { archivedAt: null } : { archivedAt: { not: null } };
}
