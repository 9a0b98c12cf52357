import "server-only";
import { prisma } from "@/lib/db";
import { maySendApplications, visibleApplicationsWhere, type AccessScope } from "@/lib/access";

type Scope = AccessScope;

/**
 * The people who may appear in "Envoyée par": current members, and former ones who still have
 * applications in the organisation's list.
 */
export async function listOrganizationSenders(scope: Scope) {
  if (!maySendApplications(scope)) return [];
  // Who ever sent for the organisation, from the small table the applications' trigger keeps (issue 12).
  // Two small lookups, then users by id: an OR of a membership semi-join and ids read every user.
  const [members, sent] = await Promise.all([
    prisma.membership.findMany({ where: { organizationId: scope.organizationId, isActive: true }, select: { userId: true } }),
    prisma.organizationSender.findMany({ where: { organizationId: scope.organizationId }, select: { userId: true } }),
  ]);
  return prisma.user.findMany({
    where: { id: { in: [...new Set([...members, ...sent].map((row) => row.userId))] } },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    select: { id: true, firstName: true, lastName: true, email: true },
  });
}

/**
 * What the confirmation page shows; null (→ 404) unless this organisation sent it. The names are
 * this organisation's record of the person, even when the e-mail matched someone already known.
 */
export async function getSentApplicationSummary(scope: Scope, applicationId: string) {
  if (!maySendApplications(scope)) return null;
  const application = await prisma.jobApplication.findFirst({
    where: { AND: [{ id: applicationId }, visibleApplicationsWhere(scope)] },
    select: {
      id: true,
      status: true,
      jobTitle: true,
      candidate: { select: { id: true, email: true } },
      candidateProfile: { select: { firstName: true, lastName: true } },
      employerOrganization: { select: { name: true, city: true } },
    },
  });
  if (!application) return null;
  const { candidate, candidateProfile, ...rest } = application;
  return { ...rest, candidate: { ...candidate, ...candidateProfile } };
}
