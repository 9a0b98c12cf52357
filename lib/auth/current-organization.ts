import type { MembershipRole, OrganizationKind, OrganizationType } from "@/lib/generated/prisma/enums";

export interface MembershipSummary {
  organizationId: string;
  organizationName: string;
  organizationKind: OrganizationKind;
  organizationType: OrganizationType;
  role: MembershipRole;
}

/**
 * The current organisation: the one picked (cookie) if the user still belongs to it, else the
 * only one they belong to; with several and no valid pick, none (they must choose).
 */
export function pickCurrentOrganization(memberships: MembershipSummary[], picked: string | undefined): MembershipSummary | undefined {
  return memberships.find((membership) => membership.organizationId === picked) ?? (memberships.length === 1 ? memberships[0] : undefined);
}
