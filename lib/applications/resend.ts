import "server-only";
import { prisma } from "@/lib/db";
import { resendableApplicationsWhere, visibleLinkedApplicationsWhere, type AccessScope } from "@/lib/access";

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

/**
 * The applications linked to this one by a re-send, as this organisation may see them: the one it
 * was re-sent from and those it was re-sent as, each only if the organisation may see it itself.
 * The prescriber organisation sees both ends; an employer only its own application (nothing).
 */
export async function linkedApplications(scope: AccessScope, application: { id: string; resentFromId: string | null }) {
  const visible = visibleLinkedApplicationsWhere(scope);
  const select = { id: true, createdAt: true, status: true, employerOrganization: { select: { name: true } } } as const;
  const [resentFrom, resentTo] = await Promise.all([
    application.resentFromId
      ? prisma.jobApplication.findFirst({ where: { AND: [{ id: application.resentFromId }, visible] }, select })
      : null,
    prisma.jobApplication.findMany({
      where: { AND: [{ resentFromId: application.id }, visible] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select,
    }),
  ]);
  return { resentFrom, resentTo };
}
