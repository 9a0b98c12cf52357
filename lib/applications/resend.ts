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
export async function linkedApplications(scope: AccessScope, application: { id: string }) {
  const visible = visibleLinkedApplicationsWhere(scope);
  const select = { id: true, createdAt: true, status: true, employerOrganization: { select: { name: true } } } as const;
  // Both ends from the id alone (the one re-sent as this one, those re-sent from it), so that the
  // application page reads them beside the application itself rather than after it.
  const [resentFrom, resentTo] = await Promise.all([
    prisma.jobApplication.findFirst({ where: { AND: [{ resentTo: { some: { id: application.id } } }, visible] }, select }),
    prisma.jobApplication.findMany({
      where: { AND: [{ resentFromId: application.id }, visible] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select,
    }),
  ]);
  return { resentFrom, resentTo };
}
