import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryRowsDirect, withPreparedStatements } from "@/lib/db";
import { hashCandidateToken } from "@/lib/candidate-links";
import { ANSWERED_STATUSES, type ApplicationStatus } from "@/lib/status";
import { adviserContactEmail, personName } from "@/lib/people";
import { appliedForLabel, jobLabel, type ContractType } from "@/lib/job-descriptions/vocabulary";

/** One application as its candidate may see it: no refusal reason, no private message, no prescriber's message. */
export interface CandidateApplicationView {
  id: string;
  employer: { name: string; city: string };
  jobTitle: string | null;
  sentAt: Date;
  status: ApplicationStatus;
  /** The employer's answer that came with the current status; none after a cancelled hire or a hire elsewhere. */
  answerToCandidate: string | null;
  /** Only while the hire stands (ACCEPTED). */
  hiring: { startDate: Date | null; endDate: Date | null; job: string | null } | null;
  /** The adviser who sent it, whom the candidate can ask for help, and where (lib/people.ts adviserContactEmail). */
  sentBy: { name: string; organizationName: string; email: string | null };
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

/** One row of the statement below: the link, and one of its candidate's applications (none: nulls). */
interface StatusRow {
  expiresAt: Date;
  id: string | null;
  jobTitle: string | null;
  spontaneous: boolean;
  jobs: { jobDescription: { title: string; contractType: ContractType; city: string } }[];
  hiredJobTitle: string | null;
  hiredJobContractType: ContractType | null;
  hiredJobCity: string | null;
  createdAt: Date;
  status: ApplicationStatus;
  answerToCandidate: string | null;
  hiringStartDate: Date | null;
  hiringEndDate: Date | null;
  employerName: string;
  employerCity: string;
  senderFirstName: string;
  senderLastName: string;
  senderEmail: string;
  /** Null when the membership row is gone. */
  senderIsMember: boolean | null;
  senderOrganizationName: string;
  senderOrganizationContactEmail: string | null;
  profileFirstName: string;
  profileLastName: string;
}

/**
 * What the personal status link /c/[token] shows (DESIGN §6–§7): the candidate's own applications,
 * through a whitelist of fields. Unknown or expired token: null, with nothing else to tell apart.
 *
 * One statement straight from the driver, prepared (lib/db.ts withPreparedStatements: it hangs on
 * the token's unique hash): as one Prisma call with its lateral joins, PostgreSQL planned it anew
 * on every view, and the page cost the database 2.6 ms against 0.3 for a bare page (issue 12).
 * It is the page of every link in the candidates' e-mails, read on a phone.
 */
export async function getCandidateStatus(token: string, now = new Date()): Promise<CandidateStatusView | null> {
  if (!TOKEN_FORMAT.test(token)) return null;
  const rows = await withPreparedStatements(() =>
    queryRowsDirect<StatusRow>(Prisma.sql`
      SELECT l."expiresAt", a.id, a."jobTitle", a.spontaneous, a."createdAt", a.status::text AS status, a."answerToCandidate",
             a."hiringStartDate", a."hiringEndDate",
             -- Issue 13: the jobs applied for and the one hired for.
             (SELECT coalesce(json_agg(json_build_object('jobDescription',
                       json_build_object('title', j.title, 'contractType', j."contractType", 'city', j.city)) ORDER BY j.title, j.id), '[]')
              FROM "ApplicationJob" aj JOIN "JobDescription" j ON j.id = aj."jobDescriptionId" WHERE aj."applicationId" = a.id) AS jobs,
             hj.title AS "hiredJobTitle", hj."contractType"::text AS "hiredJobContractType", hj.city AS "hiredJobCity",
             eo.name AS "employerName", eo.city AS "employerCity",
             su."firstName" AS "senderFirstName", su."lastName" AS "senderLastName", su.email AS "senderEmail",
             m."isActive" AS "senderIsMember", so."contactEmail" AS "senderOrganizationContactEmail", so.name AS "senderOrganizationName",
             p."firstName" AS "profileFirstName", p."lastName" AS "profileLastName"
      FROM "CandidateLink" l
      LEFT JOIN "JobApplication" a ON a."candidateId" = l."candidateId"
      LEFT JOIN "JobDescription" hj ON hj.id = a."hiredJobId"
      LEFT JOIN "Organization" eo ON eo.id = a."employerOrganizationId"
      LEFT JOIN "User" su ON su.id = a."senderUserId"
      LEFT JOIN "Organization" so ON so.id = a."senderOrganizationId"
      LEFT JOIN "Membership" m ON m."userId" = a."senderUserId" AND m."organizationId" = a."senderOrganizationId"
      LEFT JOIN "CandidateProfile" p ON p."candidateId" = a."candidateId" AND p."organizationId" = a."senderOrganizationId"
      WHERE l."tokenHash" = ${hashCandidateToken(token)}
      ORDER BY a."createdAt" DESC, a.id DESC`),
  );
  const link = rows[0];
  if (!link || link.expiresAt <= now) return null;

  // A candidate without any application yet: the link's one row, with no application in it.
  const applications = rows.filter((row) => row.id !== null);
  // The person is greeted by the names their most recent adviser wrote: each organisation keeps
  // its own record, and this page is the person's own, so any of them is theirs to read.
  const latest = applications[0];
  return {
    firstName: latest?.profileFirstName ?? "",
    lastName: latest?.profileLastName ?? "",
    applications: applications.map((application): CandidateApplicationView => ({
      id: application.id!,
      employer: { name: application.employerName, city: application.employerCity },
      jobTitle: application.jobs.length ? appliedForLabel(application) : application.jobTitle,
      sentAt: application.createdAt,
      status: application.status,
      answerToCandidate: ANSWERED_STATUSES.has(application.status) ? application.answerToCandidate : null,
      hiring:
        application.status === "ACCEPTED"
          ? {
              startDate: application.hiringStartDate,
              endDate: application.hiringEndDate,
              job: application.hiredJobTitle
                ? jobLabel({
                    title: application.hiredJobTitle,
                    contractType: application.hiredJobContractType!,
                    city: application.hiredJobCity,
                  })
                : null,
            }
          : null,
      sentBy: {
        name: personName({ firstName: application.senderFirstName, lastName: application.senderLastName }),
        organizationName: application.senderOrganizationName,
        email: adviserContactEmail({
          isMember: application.senderIsMember === true,
          email: application.senderEmail,
          organizationContactEmail: application.senderOrganizationContactEmail,
        }),
      },
    })),
  };
}
