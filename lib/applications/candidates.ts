import "server-only";
import { prisma } from "@/lib/db";
import type { MemberContext } from "@/lib/auth/guards";
import type { Prisma } from "@/lib/generated/prisma/client";

type Scope = Pick<MemberContext, "organizationId" | "organizationKind">;

export const CANDIDATE_SEARCH_LIMIT = 20;

/**
 * A prescriber organisation knows a candidate through the applications it sent: that is the
 * whole of what it may see (FAQ: "Uniquement celles qui sont envoyées par votre organisation").
 */
function sentByOrganization(scope: Scope): Prisma.JobApplicationWhereInput {
  return { senderOrganizationId: scope.organizationId };
}

export interface CandidateSearchResult {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: Date | null;
  hasEmail: boolean;
}

/** The organisation's own candidates matching a name, for "Candidat déjà accompagné". */
export async function searchOrganizationCandidates(scope: Scope, query: string): Promise<CandidateSearchResult[]> {
  if (scope.organizationKind !== "PRESCRIBER") return [];
  const words = query.trim().split(/\s+/).filter(Boolean).slice(0, 4);
  if (words.length === 0) return [];
  const rows = await prisma.candidate.findMany({
    where: {
      AND: [
        { applications: { some: sentByOrganization(scope) } },
        ...words.map((word) => ({
          OR: [{ firstName: { contains: word, mode: "insensitive" as const } }, { lastName: { contains: word, mode: "insensitive" as const } }],
        })),
      ],
    },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    take: CANDIDATE_SEARCH_LIMIT,
    select: { id: true, firstName: true, lastName: true, birthDate: true, email: true },
  });
  return rows.map(({ email, ...row }) => ({ ...row, hasEmail: email !== null }));
}

/**
 * The candidate page of a prescriber: the person and only the applications this organisation
 * sent, newest first. null (→ 404) for a candidate it never applied for, or for an employer.
 */
export async function getOrganizationCandidate(scope: Scope, candidateId: string) {
  if (scope.organizationKind !== "PRESCRIBER") return null;
  const candidate = await prisma.candidate.findFirst({
    where: { id: candidateId, applications: { some: sentByOrganization(scope) } },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      email: true,
      phone: true,
      birthDate: true,
      applications: {
        where: sentByOrganization(scope),
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: {
          id: true,
          status: true,
          createdAt: true,
          jobTitle: true,
          employerOrganization: { select: { id: true, name: true, city: true } },
          senderUser: { select: { id: true, firstName: true, lastName: true } },
        },
      },
    },
  });
  return candidate;
}
export type OrganizationCandidate = NonNullable<Awaited<ReturnType<typeof getOrganizationCandidate>>>;
