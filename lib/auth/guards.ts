import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { auth } from "@/lib/auth";
import { prisma } from "@/lib/db";
import type { MembershipRole, OrganizationKind } from "@/lib/generated/prisma/enums";
import { isOnSide } from "@/lib/access";
import { pickCurrentOrganization, type MembershipSummary } from "@/lib/auth/current-organization";
import { ROUTES } from "@/lib/routes";

export type { MembershipSummary };

export const CURRENT_ORGANIZATION_COOKIE = "current_organization";

export interface SignedInUser {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  memberships: MembershipSummary[];
}

/** What every scoped query and transition receives: who acts, for which organisation. */
export interface MemberContext {
  userId: string;
  organizationId: string;
  organizationKind: OrganizationKind;
  role: MembershipRole;
}

export interface CurrentMember extends MemberContext {
  user: SignedInUser;
  organization: MembershipSummary;
}

export const getSignedInUser = cache(async (): Promise<SignedInUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await prisma.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      firstName: true,
      lastName: true,
      memberships: {
        where: { isActive: true },
        orderBy: { organization: { name: "asc" } },
        select: { role: true, organization: { select: { id: true, name: true, kind: true, type: true } } },
      },
    },
  });
  if (!user) return null;
  return {
    ...user,
    memberships: user.memberships.map(({ role, organization }) => ({
      organizationId: organization.id,
      organizationName: organization.name,
      organizationKind: organization.kind,
      organizationType: organization.type,
      role,
    })),
  };
});

/** The signed-in user's current organisation (see pickCurrentOrganization). */
export const getCurrentMember = cache(async (): Promise<CurrentMember | null> => {
  const user = await getSignedInUser();
  if (!user) return null;
  const organization = pickCurrentOrganization(user.memberships, (await cookies()).get(CURRENT_ORGANIZATION_COOKIE)?.value);
  if (!organization) return null;
  return {
    userId: user.id,
    organizationId: organization.organizationId,
    organizationKind: organization.organizationKind,
    role: organization.role,
    user,
    organization,
  };
});

export async function requireUser(): Promise<SignedInUser> {
  const user = await getSignedInUser();
  if (!user) redirect(ROUTES.signIn);
  return user;
}

/** For pages and actions of the professional area: signed in, with a current organisation. */
export async function requireMember(kind?: OrganizationKind): Promise<CurrentMember> {
  const user = await requireUser();
  const member = await getCurrentMember();
  if (!member) redirect(user.memberships.length === 0 ? `${ROUTES.organisation}?aucune=1` : ROUTES.organisation);
  // A page of the other side of the platform does not exist for this organisation.
  if (kind && !isOnSide(member, kind)) notFound();
  return member;
}
