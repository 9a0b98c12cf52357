import "server-only";
import { cache } from "react";
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { readSessionUser, SESSION_COOKIE, type SignedInUser } from "@/lib/auth/session";
import type { MembershipRole, OrganizationKind } from "@/lib/generated/prisma/enums";
import { isOnSide } from "@/lib/access";
import { pickCurrentOrganization, type MembershipSummary } from "@/lib/auth/current-organization";
import { ROUTES } from "@/lib/routes";

export type { MembershipSummary, SignedInUser };

export const CURRENT_ORGANIZATION_COOKIE = "current_organization";

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

/** The signed-in user of this request (lib/auth/session.ts), read once per render. */
export const getSignedInUser = cache(async (): Promise<SignedInUser | null> =>
  readSessionUser((await cookies()).get(SESSION_COOKIE)?.value),
);

async function currentMemberOf(user: SignedInUser): Promise<CurrentMember | null> {
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
}

/** The signed-in user's current organisation (see pickCurrentOrganization). */
export const getCurrentMember = cache(async (): Promise<CurrentMember | null> => {
  const user = await getSignedInUser();
  return user ? currentMemberOf(user) : null;
});

export async function requireUser(): Promise<SignedInUser> {
  const user = await getSignedInUser();
  if (!user) redirect(ROUTES.signIn);
  return user;
}

/** For pages and actions of the professional area: signed in, with a current organisation. */
export async function requireMember(kind?: OrganizationKind): Promise<CurrentMember> {
  const user = await requireUser();
  // From the user already read: React's cache() does not dedupe inside a server action.
  const member = await currentMemberOf(user);
  if (!member) redirect(user.memberships.length === 0 ? `${ROUTES.organisation}?aucune=1` : ROUTES.organisation);
  // A page of the other side of the platform does not exist for this organisation.
  if (kind && !isOnSide(member, kind)) notFound();
  return member;
}

/**
 * The metadata of a page of one side. The other side's 404 must come from here too: a notFound()
 * thrown by the page alone leaves the page's title on the 404 (Next keeps the segment's metadata),
 * and « Candidatures reçues » would title a « Page introuvable ».
 */
export function sidePageMetadata(kind: OrganizationKind, title: string): () => Promise<Metadata> {
  return async () => {
    await requireMember(kind);
    return { title };
  };
}
