import "server-only";
import { prisma } from "@/lib/db";
import { maySendApplications, visibleApplicationsWhere, type AccessScope } from "@/lib/access";

type Scope = AccessScope;

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
