import "server-only";
import { prisma } from "@/lib/db";
import { mayDecideApplications, visibleApplicationsWhere, type AccessScope } from "@/lib/access";

// The choices of the filters of "Candidatures reçues" (the rows come from lib/applications/list.ts).

/** The employer team, for the "Pris en charge par" filter: current members and past handlers. */
export async function listEmployerHandlers(ctx: AccessScope) {
  if (!mayDecideApplications(ctx)) return [];
  return prisma.user.findMany({
    where: {
      OR: [
        { memberships: { some: { organizationId: ctx.organizationId, isActive: true } } },
        { handledApplications: { some: visibleApplicationsWhere(ctx) } },
      ],
    },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    select: { id: true, firstName: true, lastName: true },
  });
}

/** The prescriber organisations that sent applications to this employer, for the list's filter. */
export async function listPrescriberOrganizationsOf(ctx: AccessScope) {
  if (!mayDecideApplications(ctx)) return [];
  return prisma.organization.findMany({
    where: { kind: "PRESCRIBER", sentApplications: { some: visibleApplicationsWhere(ctx) } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}
