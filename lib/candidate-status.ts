import "server-only";
import { prisma } from "@/lib/db";
import { hashCandidateToken } from "@/lib/candidate-links";
import type { ApplicationStatus } from "@/lib/status";
import { personName } from "@/lib/people";
import { appliedForLabel, jobLabel } from "@/lib/job-descriptions/vocabulary";

/** One application as its candidate may see it: no refusal reason, no private message, no prescriber's message. */
export interface CandidateApplicationView {
  id: string;
  employer: { name: string; city: string };
  jobTitle: string | null;
  sentAt: Date;
  status: ApplicationStatus;
  answerToCandidate: string | null;
  /** Only while the hire stands (ACCEPTED). */
  hiring: { startDate: Date | null; endDate: Date | null; job: string | null } | null;
  /** The adviser who sent it, whom the candidate can ask for help. */
  sentBy: { name: string; organizationName: string };
  // DESIGN §6: never on this page. `never`, so that copying them here (even by a spread) does not compile.
  refusalReason?: never;
  answerToPrescriber?: never;
  message?: never;
}

export interface CandidateStatusView {
  firstName: string;
  lastName: string;
  applications: CandidateApplicationView[];
}

// Tokens are 32 random bytes in base64url (43 characters); anything else cannot be one.
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{32,64}$/;

/**
 * What the personal status link /c/[token] shows (DESIGN §6–§7): the candidate's own applications,
 * through a whitelist of fields. Unknown or expired token: null, with nothing else to tell apart.
 */
export async function getCandidateStatus(token: string, now = new Date()): Promise<CandidateStatusView | null> {
  if (!TOKEN_FORMAT.test(token)) return null;
  const link = await prisma.candidateLink.findUnique({
    where: { tokenHash: hashCandidateToken(token) },
    select: {
      expiresAt: true,
      candidate: {
        select: {
          applications: {
            orderBy: [{ createdAt: "desc" }, { id: "desc" }],
            select: {
              id: true,
              jobTitle: true,
              // Issue 13: the jobs applied for and the one hired for.
              spontaneous: true,
              jobs: { select: { jobDescription: { select: { title: true, contractType: true, city: true } } } },
              hiredJob: { select: { title: true, contractType: true, city: true } },
              createdAt: true,
              status: true,
              answerToCandidate: true,
              hiringStartDate: true,
              hiringEndDate: true,
              employerOrganization: { select: { name: true, city: true } },
              senderUser: { select: { firstName: true, lastName: true } },
              senderOrganization: { select: { name: true } },
              candidateProfile: { select: { firstName: true, lastName: true } },
            },
          },
        },
      },
    },
  });
  if (!link || link.expiresAt <= now) return null;

  const { candidate } = link;
  // The person is greeted by the names their most recent adviser wrote: each organisation keeps
  // its own record, and this page is the person's own, so any of them is theirs to read.
  const names = candidate.applications[0]?.candidateProfile ?? { firstName: "", lastName: "" };
  return {
    firstName: names.firstName,
    lastName: names.lastName,
    applications: candidate.applications.map((application): CandidateApplicationView => ({
      id: application.id,
      employer: { name: application.employerOrganization.name, city: application.employerOrganization.city },
      jobTitle: application.jobs.length ? appliedForLabel(application) : application.jobTitle,
      sentAt: application.createdAt,
      status: application.status,
      answerToCandidate: application.answerToCandidate,
      hiring:
        application.status === "ACCEPTED"
          ? {
              startDate: application.hiringStartDate,
              endDate: application.hiringEndDate,
              job: application.hiredJob ? jobLabel(application.hiredJob) : null,
            }
          : null,
      sentBy: {
        name: personName(application.senderUser),
        organizationName: application.senderOrganization.name,
      },
    })),
  };
}
