import "server-only";
import { prisma } from "@/lib/db";
import { APPLICABLE_JOBS } from "@/lib/access";
import type { ContractType } from "@/lib/job-descriptions/vocabulary";
import type { Prisma } from "@/lib/generated/prisma/client";
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
  const and: Prisma.OrganizationWhereInput[] = [{ kind: "EMPLOYER" }];
  if (type) and.push({ type });
  for (const word of words) {
    const upper = word.toUpperCase();
    and.push({
      OR: [
        { name: { contains: word, mode: "insensitive" } },
        { city: { contains: word, mode: "insensitive" } },
        { postalCode: { startsWith: word } },
        ...(isEmployerType(upper) ? [{ type: upper }] : []),
      ],
    });
  }
  const rows = await prisma.organization.findMany({
    where: { AND: and },
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
