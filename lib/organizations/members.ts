import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma, writeTransaction, type TransactionClient } from "@/lib/db";
import { mayManageMembers, organizationMembershipsWhere, organizationMembershipWhere } from "@/lib/access";
import type { MemberContext } from "@/lib/auth/guards";
import { enqueueEmails } from "@/lib/mail/outbox";
import { renderMemberAddedEmail } from "@/lib/mail/templates";
import { takeAllowance } from "@/lib/rate-limit";
import { personName } from "@/lib/people";
import { ROUTES } from "@/lib/routes";
import { DAY_MS } from "@/lib/time";
import type { AddMemberInput, ChangeMemberRoleInput, MemberRole, RemoveMemberInput } from "@/lib/organizations/member-validation";

/**
 * « Membres de l'organisation »: who belongs to it, and its admins' changes. A member who is removed
 * keeps their account and their history (decisions, notes, applications sent) but loses access at
 * their next request (lib/auth/session.ts reads active memberships only); adding them back
 * reactivates the same membership.
 */

type Ctx = Pick<MemberContext, "userId" | "organizationId" | "role">;
type Person = { firstName: string; lastName: string };

/** Each organisation may add this many people a day: the e-mail goes to any address its admin types. */
export const MEMBER_ADDITIONS_PER_DAY = 50;

export interface OrganizationMember extends Person {
  membershipId: string;
  email: string;
  role: MemberRole;
  isSelf: boolean;
}

export async function listMembers(ctx: Pick<MemberContext, "userId" | "organizationId">): Promise<OrganizationMember[]> {
  const memberships = await prisma.membership.findMany({
    where: organizationMembershipsWhere(ctx),
    select: { id: true, role: true, user: { select: { id: true, email: true, firstName: true, lastName: true } } },
    orderBy: [{ user: { lastName: "asc" } }, { user: { firstName: "asc" } }, { id: "asc" }],
  });
  return memberships.map(({ id, role, user }) => ({
    membershipId: id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    role,
    isSelf: user.id === ctx.userId,
  }));
}

export type AddMemberResult =
  { ok: true; member: Person; reactivated: boolean; emailIds: string[] } | { error: "forbidden" | "already_member" | "limit" };

/** "removed": the person left meanwhile (another admin, a double click); "not_found": no membership of ours. */
export type MemberChangeResult = { ok: true; member: Person } | { error: "forbidden" | "not_found" | "self" | "unchanged" | "removed" };

/**
 * Serialises the changes of one organisation's members (two admins demoting each other at once
 * would otherwise leave none), then checks that the one acting is still an active admin.
 */
async function lockAsAdmin(tx: TransactionClient, ctx: Ctx): Promise<{ organizationName: string; admin: Person } | null> {
  const [organization] = await tx.$queryRaw<{ name: string }[]>(
    Prisma.sql`SELECT name FROM "Organization" WHERE id = ${ctx.organizationId} FOR UPDATE`,
  );
  const actor = await tx.membership.findFirst({
    where: { ...organizationMembershipsWhere(ctx), userId: ctx.userId, role: "ADMIN" },
    select: { user: { select: { firstName: true, lastName: true } } },
  });
  return organization && actor ? { organizationName: organization.name, admin: actor.user } : null;
}

/**
 * Gives someone access to the organisation: their account is created when the address is new (the
 * names typed are then theirs), kept as it is otherwise; they are told by e-mail where to sign in.
 */
export async function addMember(ctx: Ctx, input: AddMemberInput, options: { baseUrl: string }): Promise<AddMemberResult> {
  if (!mayManageMembers(ctx)) return { error: "forbidden" };
  // Before the allowance: a mistake the form can explain costs nothing.
  const present = await prisma.membership.count({ where: { ...organizationMembershipsWhere(ctx), user: { email: input.email } } });
  if (present > 0) return { error: "already_member" };
  const allowed = await takeAllowance({
    scope: "members:add",
    value: ctx.organizationId,
    limit: MEMBER_ADDITIONS_PER_DAY,
    windowMs: DAY_MS,
  });
  if (!allowed) return { error: "limit" };

  const result = await writeTransaction(async (tx): Promise<AddMemberResult & { userId?: string }> => {
    const acting = await lockAsAdmin(tx, ctx);
    if (!acting) return { error: "forbidden" };
    // ON CONFLICT DO NOTHING: another organisation may be adding the same new address right now
    // (Prisma's upsert reads, then inserts, and the second insert fails).
    await tx.user.createMany({
      data: [{ email: input.email, firstName: input.firstName, lastName: input.lastName, name: personName(input) }],
      skipDuplicates: true,
    });
    const user = await tx.user.findUniqueOrThrow({
      where: { email: input.email },
      select: { id: true, email: true, firstName: true, lastName: true },
    });
    const existing = await tx.membership.findUnique({
      where: { userId_organizationId: { userId: user.id, organizationId: ctx.organizationId } },
      select: { id: true, isActive: true },
    });
    if (existing?.isActive) return { error: "already_member" };
    if (existing) await tx.membership.update({ where: { id: existing.id }, data: { isActive: true, role: input.role } });
    else await tx.membership.create({ data: { userId: user.id, organizationId: ctx.organizationId, role: input.role } });

    // No userId on the row: « E-mails non remis » of the person's other organisations would show it.
    const emailIds = await enqueueEmails(tx, [
      {
        to: user.email,
        template: "member_added",
        ...renderMemberAddedEmail({
          member: user,
          organization: { name: acting.organizationName },
          addedBy: acting.admin,
          administrator: input.role === "ADMIN",
          signInUrl: `${options.baseUrl}${ROUTES.signIn}`,
        }),
      },
    ]);
    return {
      ok: true,
      member: { firstName: user.firstName, lastName: user.lastName },
      reactivated: Boolean(existing),
      emailIds,
      userId: user.id,
    };
  });
  if (!("ok" in result)) return result;
  const { userId, ...added } = result;
  logMemberChange(ctx, `added user ${userId} as ${input.role}${added.reactivated ? " (former member)" : ""}`);
  return added;
}

/** Who gave or took access, by ids only: the journal holds no name or address. */
function logMemberChange(ctx: Ctx, change: string) {
  console.info(`[members] organisation ${ctx.organizationId}: user ${ctx.userId} ${change}`);
}

/** The admin's change to another member: `change` returns the data to write, or null when there is nothing to change. */
async function changeMembership(
  ctx: Ctx,
  membershipId: string,
  change: (current: { role: MemberRole }) => Prisma.MembershipUpdateInput | null,
  logged: string,
): Promise<MemberChangeResult> {
  if (!mayManageMembers(ctx)) return { error: "forbidden" };
  const result = await writeTransaction(async (tx): Promise<MemberChangeResult> => {
    if (!(await lockAsAdmin(tx, ctx))) return { error: "forbidden" };
    const target = await tx.membership.findFirst({
      where: { ...organizationMembershipWhere(ctx), id: membershipId },
      select: { id: true, userId: true, role: true, isActive: true, user: { select: { firstName: true, lastName: true } } },
    });
    if (!target) return { error: "not_found" };
    if (target.userId === ctx.userId) return { error: "self" };
    if (!target.isActive) return { error: "removed" };
    const data = change(target);
    if (!data) return { error: "unchanged" };
    await tx.membership.update({ where: { id: target.id }, data });
    return { ok: true, member: target.user };
  });
  if ("ok" in result) logMemberChange(ctx, `${logged} membership ${membershipId}`);
  return result;
}

export function removeMember(ctx: Ctx, input: RemoveMemberInput): Promise<MemberChangeResult> {
  return changeMembership(ctx, input.membershipId, () => ({ isActive: false }), "removed");
}

export function changeMemberRole(ctx: Ctx, input: ChangeMemberRoleInput): Promise<MemberChangeResult> {
  return changeMembership(
    ctx,
    input.membershipId,
    (current) => (current.role === input.role ? null : { role: input.role }),
    `made ${input.role} of`,
  );
}
