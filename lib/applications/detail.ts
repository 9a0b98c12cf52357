import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { seesArchive, visibleApplicationsWhere, type AccessScope } from "@/lib/access";

const person = { select: { id: true, firstName: true, lastName: true, email: true } } as const;

const detailSelect = {
  id: true,
  status: true,
  jobTitle: true,
  // Issue 13: what it was sent for, the job hired for, and the application it was re-sent from.
  spontaneous: true,
  jobs: { select: { jobDescription: { select: { id: true, title: true, contractType: true, city: true } } } },
  hiredJob: { select: { id: true, title: true, contractType: true, city: true } },
  resentFromId: true,
  message: true,
  createdAt: true,
  updatedAt: true,
  processedAt: true,
  refusalReason: true,
  answerToCandidate: true,
  answerToPrescriber: true,
  hiringStartDate: true,
  hiringEndDate: true,
  // The person's e-mail (the one the sender typed) and the sender's record of them: a prescriber
  // reads its own organisation's data, an employer what the sending organisation entered.
  candidate: { select: { id: true, email: true } },
  candidateProfile: { select: { firstName: true, lastName: true, phone: true } },
  senderUser: person,
  senderOrganization: { select: { id: true, name: true, type: true, contactEmail: true, contactPhone: true } },
  employerOrganization: {
    select: { id: true, name: true, type: true, address: true, postalCode: true, city: true, contactEmail: true, contactPhone: true },
  },
  handler: person,
  events: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      transition: true,
      fromStatus: true,
      toStatus: true,
      createdAt: true,
      refusalReason: true,
      message: true,
      privateMessage: true,
      hiringStartDate: true,
      hiringEndDate: true,
      actor: { select: { id: true, firstName: true, lastName: true } },
    },
  },
} satisfies Prisma.JobApplicationSelect;

export type ApplicationDetail = Prisma.JobApplicationGetPayload<{ select: typeof detailSelect }>;
export type ApplicationDetailEvent = ApplicationDetail["events"][number];

/**
 * One application with its history, if the member's current organisation may see it (DESIGN §6:
 * the employer that received it, the prescriber organisation that sent it); null otherwise, which
 * the page answers with a 404 — never another organisation's data.
 */
export async function getApplicationForMember(ctx: AccessScope, applicationId: string): Promise<ApplicationDetail | null> {
  if (!applicationId || applicationId.length > 64) return null;
  return prisma.jobApplication.findFirst({
    where: { AND: [{ id: applicationId }, visibleApplicationsWhere(ctx)] },
    select: detailSelect,
  });
}

/**
 * Whether, when and by whom the application was archived — for the employer only: archiving is
 * its own sorting, never shown to the prescriber (issue 10). null: not the employer's, or unknown.
 */
export async function getArchiveStateForMember(ctx: AccessScope, applicationId: string) {
  if (!seesArchive(ctx) || !applicationId || applicationId.length > 64) return null;
  return prisma.jobApplication.findFirst({
    where: { AND: [{ id: applicationId }, visibleApplicationsWhere(ctx)] },
    select: { archivedAt: true, archivedBy: { select: { firstName: true, lastName: true } } },
  });
}
