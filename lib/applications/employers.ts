import "server-only";
import { prisma, queryRowsDirect } from "@/lib/db";
import { APPLICABLE_JOBS } from "@/lib/access";
import type { ContractType } from "@/lib/job-descriptions/vocabulary";
import { Prisma } from "@/lib/generated/prisma/client";
import { containsUnaccentedSql } from "@/lib/applications/name-search";
import { isEmployerType, type EmployerType } from "@/lib/status";

export const EMPLOYER_SEARCH_LIMIT = 20;

export interface EmployerSearchResult {
  id: string;
  name: string;
  type: EmployerType;
  city: string;
  postalCode: string;
  /** Issue 13: what the prescriber may apply for here: open jobs, and spontaneous applications. */
  spontaneousApplicationsOpen: boolean;
  openJobs: { id: string; title: string; contractType: ContractType; city: string; weeklyHours: number }[];
}

/**
 * Employers a prescriber can send an application to, by name, city or postal code, and type
 * ("ACI Lille" finds the ACIs of Lille: every word must match something). Only organisations of
 * kind EMPLOYER: a prescriber organisation is never offered as a recipient.
 */
export async function searchEmployers(query: string, type?: EmployerType): Promise<EmployerSearchResult[]> {
  const words = query.trim().split(/\s+/).filter(Boolean).slice(0, 5);
  if (words.length === 0 && !type) return [];
  // The matching ids in SQL: names and cities compared accents aside (« Reussir » finds « Réussir »).
  const everyWord = words.map((word) => {
    const upper = word.toUpperCase();
    return Prisma.sql`AND (${containsUnaccentedSql(Prisma.sql`o.name`, word)} OR ${containsUnaccentedSql(Prisma.sql`o.city`, word)}
      OR starts_with(o."postalCode", ${word})${isEmployerType(upper) ? Prisma.sql` OR o.type::text = ${upper}` : Prisma.empty})`;
  });
  const matches = await queryRowsDirect<{ id: string }>(Prisma.sql`
    SELECT o.id FROM "Organization" o
    WHERE o.kind = 'EMPLOYER' ${type ? Prisma.sql`AND o.type::text = ${type}` : Prisma.empty} ${everyWord.length ? Prisma.join(everyWord, " ") : Prisma.empty}
    ORDER BY o.name, o.id LIMIT ${EMPLOYER_SEARCH_LIMIT}`);
  if (matches.length === 0) return [];
  const rows = await prisma.organization.findMany({
    where: { id: { in: matches.map((match) => match.id) } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: EMPLOYER_SEARCH_LIMIT,
    select: {
      id: true,
      name: true,
      type: true,
      city: true,
      postalCode: true,
      spontaneousApplicationsOpen: true,
      jobDescriptions: {
        where: APPLICABLE_JOBS,
        orderBy: [{ title: "asc" }, { id: "asc" }],
        select: { id: true, title: true, contractType: true, city: true, weeklyHours: true },
      },
    },
  });
  return rows.flatMap(({ jobDescriptions, ...row }) =>
    isEmployerType(row.type) ? [{ ...row, type: row.type, openJobs: jobDescriptions }] : [],
  );
}
