import "server-only";
import { prisma } from "@/lib/db";
import type { MemberContext } from "@/lib/auth/guards";

type Scope = Pick<MemberContext, "organizationId" | "organizationKind">;

export const CANDIDATE_SEARCH_LIMIT = 20;

// A prescriber organisation knows a person through its own record of them (CandidateProfile),
// written when it first applied for them: that is the whole of what it may see (FAQ: "Uniquement
// celles qui sont envoyées par votre organisation"), never what another organisation typed.

export interface CandidateSearchResult {
  /** The person's id (Candidate), what the form sends back. */
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
  const rows = await prisma.candidateProfile.findMany({
    where: {
      AND: [
        { organizationId: scope.organizationId },
        ...words.map((word) => ({
          OR: [{ firstName: { contains: word, mode: "insensitive" as const } }, { lastName: { contains: word, mode: "insensitive" as const } }],
        })),
      ],
    },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { candidateId: "asc" }],
    take: CANDIDATE_SEARCH_LIMIT,
    select: { candidateId: true, firstName: true, lastName: true, birthDate: true, candidate: { select: { email: true } } },
  });
  return rows.map(({ candidateId, candidate, ...row }) => ({ id: candidateId, ...row, hasEmail: candidate.email !== null }));
}

/**
 * The candidate page of a prescriber: this organisation's record of the person and only the
 * applications it sent, newest first. null (→ 404) for a person it never applied for, or for an
 * employer. The e-mail is the one this organisation typed (it matched the person by it).
 */
export async function getOrganizationCandidate(scope: Scope, candidateId: string) {
  if (scope.organizationKind !== "PRESCRIBER" || !candidateId || candidateId.length > 64) return null;
  const profile = await prisma.candidateProfile.findUnique({
    where: { candidateId_organizationId: { candidateId, organizationId: scope.organizationId } },
    select: {
      candidateId: true,
      firstName: true,
      lastName: true,
      phone: true,
      birthDate: true,
      candidate: { select: { email: true } },
      // The applications made with this record are exactly the ones this organisation sent.
      applications: {
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
  if (!profile) return null;
  const { candidateId: id, candidate, ...rest } = profile;
  return { id, email: candidate.email, ...rest };
}
export type OrganizationCandidate = NonNullable<Awaited<ReturnType<typeof getOrganizationCandidate>>>;
