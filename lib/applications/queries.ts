import "server-only";
import { prisma } from "@/lib/db";
import type { MemberContext } from "@/lib/auth/guards";
import type { Prisma } from "@/lib/generated/prisma/client";
import { APPLICATION_STATUSES, type ApplicationStatus } from "@/lib/status";

/**
 * The applications an organisation may see (DESIGN §6): a prescriber organisation, those it
 * sent (by any colleague); an employer, those it received. Every read starts from this.
 */
export function visibleApplicationsWhere(ctx: Pick<MemberContext, "organizationId" | "organizationKind">): Prisma.JobApplicationWhereInput {
  return ctx.organizationKind === "PRESCRIBER"
    ? { senderOrganizationId: ctx.organizationId }
    : { employerOrganizationId: ctx.organizationId };
}

/** Counts per status of the organisation's applications, every status present (0 when none). */
export async function countApplicationsByStatus(
  ctx: Pick<MemberContext, "organizationId" | "organizationKind">,
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
