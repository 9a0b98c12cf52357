import "server-only";
import { readDb } from "@/lib/read-db";
import { seesArchive, visibleApplicationsWhere, type AccessScope } from "@/lib/access";
import type { ArchiveView } from "@/lib/applications/list-filters";
import type { Prisma } from "@/lib/generated/prisma/client";
import { APPLICATION_STATUSES, type ApplicationStatus } from "@/lib/status";

/** Counts per status of the organisation's applications, every status present (0 when none). */
export async function countApplicationsByStatus(
  ctx: AccessScope,
  where: Prisma.JobApplicationWhereInput = {},
): Promise<Record<ApplicationStatus, number>> {
  const groups = await (
    await readDb()
  ).jobApplication.groupBy({
    by: ["status"],
    where: { AND: [visibleApplicationsWhere(ctx), where] },
    _count: { _all: true },
  });
  const counts = Object.fromEntries(APPLICATION_STATUSES.map((status) => [status, 0])) as Record<ApplicationStatus, number>;
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}

/**
 * The applications of an archive view (issue 10): the employer's lists, counters and dashboard
 * show the active ones by default; the prescriber's view ignores archiving (always everything).
 */
export function archiveViewWhere(scope: AccessScope, view: ArchiveView): Prisma.JobApplicationWhereInput {
  if (!seesArchive(scope) || view === "all") return {};
  return view === "active" ? { archivedAt: null } : { archivedAt: { not: null } };
}
