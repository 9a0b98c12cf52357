import "server-only";
import { prisma } from "@/lib/db";
import { resendableApplicationsWhere, type AccessScope } from "@/lib/access";

/**
 * "Envoyer à un autre employeur" (issue 13 item 4): the declined application the send form starts
 * from, when this organisation may re-send it (lib/access.ts); null for any other id.
 */
export async function getResendSource(scope: AccessScope, applicationId: string) {
  const resendable = resendableApplicationsWhere(scope);
  if (!resendable || !applicationId || applicationId.length > 64) return null;
  return prisma.jobApplication.findFirst({
    where: { AND: [{ id: applicationId }, resendable] },
    select: { id: true, candidateId: true, message: true, employerOrganization: { select: { id: true, name: true } } },
  });
}
export type ResendSource = NonNullable<Awaited<ReturnType<typeof getResendSource>>>;
