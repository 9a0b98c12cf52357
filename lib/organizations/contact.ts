import "server-only";
import { prisma } from "@/lib/db";
import { mayEditOrganizationContact } from "@/lib/access";
import type { MemberContext } from "@/lib/auth/guards";
import type { OrganizationContactInput } from "@/lib/organizations/validation";

/**
 * The current organisation's contact details: the employer's are given to the prescriber after a
 * refusal « Autre » (DESIGN §4); a prescriber organisation's reach its candidates when their
 * adviser has left it (lib/people.ts adviserContactEmail).
 */
export async function readOrganizationContact(ctx: Pick<MemberContext, "organizationId">) {
  return prisma.organization.findUniqueOrThrow({
    where: { id: ctx.organizationId },
    select: { contactEmail: true, contactPhone: true },
  });
}

/** Its admins only; an empty field clears it. */
export async function saveOrganizationContact(
  ctx: Pick<MemberContext, "organizationId" | "role">,
  input: OrganizationContactInput,
): Promise<"saved" | "forbidden"> {
  if (!mayEditOrganizationContact(ctx)) return "forbidden";
  await prisma.organization.update({
    where: { id: ctx.organizationId },
    data: { contactEmail: input.contactEmail || null, contactPhone: input.contactPhone || null },
  });
  return "saved";
}
