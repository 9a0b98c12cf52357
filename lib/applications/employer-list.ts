import "server-only";
import { readDb } from "@/lib/read-db";
import { mayDecideApplications, type AccessScope } from "@/lib/access";

// The choices of the filters of "Candidatures reçues" (the rows come from lib/applications/list.ts),
// read from small tables kept by the applications' trigger (EmployerHandler, EmployerSender),
// never from the employer's applications themselves; from the replica when there is one (lib/read-db.ts).

/** The employer team, for the "Pris en charge par" filter: current members and past handlers. */
export async function listEmployerHandlers(ctx: AccessScope) {
  if (!mayDecideApplications(ctx)) return [];
  const prisma = await readDb();
  // Two small lookups, then users by id: an OR of a membership semi-join and ids read every user.
  const [members, handlers] = await Promise.all([
    prisma.membership.findMany({ where: { organizationId: ctx.organizationId, isActive: true }, select: { userId: true } }),
    prisma.employerHandler.findMany({ where: { employerOrganizationId: ctx.organizationId }, select: { userId: true } }),
  ]);
  return prisma.user.findMany({
    where: { id: { in: [...new Set([...members, ...handlers].map((row) => row.userId))] } },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    select: { id: true, firstName: true, lastName: true },
  });
}

/** The prescriber organisations that sent applications to this employer, for the list's filter. */
export async function listPrescriberOrganizationsOf(ctx: AccessScope) {
  if (!mayDecideApplications(ctx)) return [];
  const prisma = await readDb();
  const senders = await prisma.employerSender.findMany({
    where: { employerOrganizationId: ctx.organizationId },
    select: { senderOrganizationId: true },
  });
  return prisma.organization.findMany({
    where: { kind: "PRESCRIBER", id: { in: senders.map((sender) => sender.senderOrganizationId) } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}
