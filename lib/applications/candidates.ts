import "server-only";
import { prisma, queryRowsDirect } from "@/lib/db";
import { visibleCandidateProfilesSql, visibleCandidateProfilesWhere, type AccessScope } from "@/lib/access";
import { Prisma } from "@/lib/generated/prisma/client";
import { candidateNameMatchesSql } from "@/lib/applications/name-search";

type Scope = AccessScope;

export const CANDIDATE_SEARCH_LIMIT = 20;

// Which records of a person the organisation may see: lib/access.ts visibleCandidateProfilesWhere.

export interface CandidateSearchResult {
  /** The person's id (Candidate), what the form sends back. */
  id: string;
  firstName: string;
  lastName: string;
  birthDate: Date | null;
  /** Tells apart two people of the same name (this organisation applied with it: it knows it). */
  email: string | null;
  hasEmail: boolean;
}

/** The organisation's own candidates matching a name, accents aside, for "Candidat déjà accompagné". */
export async function searchOrganizationCandidates(scope: Scope, query: string): Promise<CandidateSearchResult[]> {
  const visible = visibleCandidateProfilesSql(scope);
  if (!visible) return [];
  const words = query.trim().split(/\s+/).filter(Boolean).slice(0, 4);
  if (words.length === 0) return [];
  // SQL, not Prisma's `contains`: the names are compared through unaccent, as the lists do.
  return queryRowsDirect<CandidateSearchResult & Record<string, unknown>>(Prisma.sql`
    SELECT p."candidateId" AS id, p."firstName", p."lastName", p."birthDate", c.email, c.email IS NOT NULL AS "hasEmail"
    FROM "CandidateProfile" p JOIN "Candidate" c ON c.id = p."candidateId"
    WHERE ${visible} AND ${candidateNameMatchesSql(Prisma.raw("p"), words)}
    ORDER BY p."lastName", p."firstName", p."candidateId"
    LIMIT ${CANDIDATE_SEARCH_LIMIT}`);
}

/**
 * The candidate page of a prescriber: this organisation's record of the person and only the
 * applications it sent, newest first. null (→ 404) for a person it never applied for, or for an
 * employer. The e-mail is the one this organisation typed (it matched the person by it).
 */
export async function getOrganizationCandidate(scope: Scope, candidateId: string) {
  const visible = visibleCandidateProfilesWhere(scope);
  if (!visible || !candidateId || candidateId.length > 64) return null;
  const profile = await prisma.candidateProfile.findFirst({
    where: { AND: [{ candidateId }, visible] },
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
          // What it was sent for (issue 13): the jobs, or spontaneous.
          spontaneous: true,
          jobs: {
            select: { jobDescription: { select: { title: true, contractType: true, city: true } } },
            orderBy: [{ jobDescription: { title: "asc" } }, { jobDescriptionId: "asc" }],
          },
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
