import "server-only";
import { prisma } from "@/lib/db";
import { visibleApplicationsWhere, type AccessScope } from "@/lib/access";
import type { Prisma } from "@/lib/generated/prisma/client";
import { APPLICATION_STATUSES, type ApplicationStatus } from "@/lib/status";

/** Counts per status of the organisation's applications, every status present (0 when none). */
export async function countApplicationsByStatus(
  ctx: AccessScope,
  where: Prisma.JobApplicationWhereInput = {},
): Promise<Record<ApplicationStatus, number>> {
  const groups = await prisma.jobApplication.groupBy({
    by: ["status"],
    where: { AND: [visibleApplicationsWhere(ctx), where] },
    _count: { _all: true },
  });
  const counts = Object.fromEntries(APPLICATION_STATUSES.map((status) => [status, 0])) as Record<ApplicationStatus, number>;
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}
