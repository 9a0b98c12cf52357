import "server-only";
import { queryRowsDirect, withPreparedStatements } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ApplicationStatus, ContractType, OrganizationType, RefusalReason } from "@/lib/generated/prisma/enums";
import { seesArchive, visibleApplicationsSql, visibleLinkedApplicationsSql, type AccessScope } from "@/lib/access";

const person = { select: { id: true, firstName: true, lastName: true, email: true } } as const;
const jobFields = { select: { id: true, title: true, contractType: true, city: true } } as const;

/**
 * What the application's page reads, as a Prisma select: the shape of ApplicationDetail. The reads
 * themselves are SQL (getApplicationForMember below); lib/applications/detail.test.ts checks that
 * they give exactly what Prisma gives for this select.
 */
export const detailSelect = {
  id: true,
  status: true,
  jobTitle: true,
  // Issue 13: what it was sent for and the job hired for (the re-send links: linksSelect below,
  // each end only if this organisation may see it; never the bare id of one it may not).
  spontaneous: true,
  jobs: { select: { jobDescription: jobFields } },
  hiredJob: jobFields,
  message: true,
  createdAt: true,
  updatedAt: true,
  processedAt: true,
  // When the daily job will decline it unanswered (lib/applications/auto-refusal.ts autoRefusalDay).
  statusChangedAt: true,
  autoRefusalWarnedAt: true,
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

// Issue 13 item 4: the applications linked by a re-send, each end only if this organisation may
// see it itself (lib/access.ts visibleLinkedApplicationsSql).
const linkedSelect = { select: { id: true, createdAt: true, status: true, employerOrganization: { select: { name: true } } } } as const;
export const linksSelect = { resentFrom: linkedSelect, resentTo: linkedSelect } satisfies Prisma.JobApplicationSelect;

// Issue 10: archiving is the employer's own sorting; only its side's reading has these fields.
export const archiveSelect = {
  archivedAt: true,
  archivedBy: { select: { firstName: true, lastName: true } },
} satisfies Prisma.JobApplicationSelect;

export type ApplicationDetail = Prisma.JobApplicationGetPayload<{ select: typeof detailSelect & typeof linksSelect }>;
export type ApplicationDetailEvent = ApplicationDetail["events"][number];
/** The employer's detail: the same, with whether, when and by whom it was archived. */
export type EmployerApplicationDetail = ApplicationDetail & Prisma.JobApplicationGetPayload<{ select: typeof archiveSelect }>;

type Job = { id: string; title: string; contractType: ContractType; city: string };
type Linked = { id: string; createdAt: Date; status: ApplicationStatus; employerName: string };

/** One row per application: the application and its one-to-one relations, flat. */
interface DetailRow extends Record<string, unknown> {
  id: string;
  status: ApplicationStatus;
  jobTitle: string | null;
  spontaneous: boolean;
  message: string;
  createdAt: Date;
  updatedAt: Date;
  processedAt: Date | null;
  statusChangedAt: Date;
  autoRefusalWarnedAt: Date | null;
  refusalReason: RefusalReason | null;
  answerToCandidate: string | null;
  answerToPrescriber: string | null;
  hiringStartDate: Date | null;
  hiringEndDate: Date | null;
  candidateId: string;
  candidateEmail: string | null;
  profileFirstName: string;
  profileLastName: string;
  profilePhone: string | null;
  senderUserId: string;
  senderFirstName: string;
  senderLastName: string;
  senderEmail: string;
  senderOrganizationId: string;
  senderOrganizationName: string;
  senderOrganizationType: OrganizationType;
  senderContactEmail: string | null;
  senderContactPhone: string | null;
  employerId: string;
  employerName: string;
  employerType: OrganizationType;
  employerAddress: string;
  employerPostalCode: string;
  employerCity: string;
  employerContactEmail: string | null;
  employerContactPhone: string | null;
  handlerId: string | null;
  handlerFirstName: string | null;
  handlerLastName: string | null;
  handlerEmail: string | null;
  hiredJobId: string | null;
  hiredJobTitle: string | null;
  hiredJobContractType: ContractType | null;
  hiredJobCity: string | null;
  resentFromId: string | null;
  resentFromCreatedAt: Date | null;
  resentFromStatus: ApplicationStatus | null;
  resentFromEmployerName: string | null;
  archivedAt?: Date | null;
  archivedByFirstName?: string | null;
  archivedByLastName?: string | null;
}

interface EventRow extends Record<string, unknown> {
  id: string;
  transition: string;
  fromStatus: ApplicationStatus | null;
  toStatus: ApplicationStatus;
  createdAt: Date;
  refusalReason: RefusalReason | null;
  message: string | null;
  privateMessage: string | null;
  hiringStartDate: Date | null;
  hiringEndDate: Date | null;
  actorId: string | null;
  actorFirstName: string | null;
  actorLastName: string | null;
}

// The archive's columns, for the employer's reading only (seesArchive): the prescriber's query never names them.
const ARCHIVE_COLUMNS = Prisma.sql`, a."archivedAt", archiver."firstName" AS "archivedByFirstName", archiver."lastName" AS "archivedByLastName"`;
const ARCHIVE_JOIN = Prisma.sql`LEFT JOIN "User" archiver ON archiver.id = a."archivedById"`;

const linked = (id: string | null, createdAt: Date | null, status: ApplicationStatus | null, employerName: string | null) =>
  id === null ? null : { id, createdAt: createdAt!, status: status!, employerOrganization: { name: employerName! } };

/**
 * One application with its history and its re-send links, if the member's current organisation may
 * see it (DESIGN §6: the employer that received it, the prescriber organisation that sent it); null
 * otherwise, which the page answers with a 404 — never another organisation's data. Only the
 * employer's reading carries the archive state (lib/access.ts seesArchive): the prescriber's never
 * has the fields.
 *
 * Four small statements, in parallel, each scoped by the same rule, straight from the driver: as
 * one Prisma call (ten lateral joins), PostgreSQL planned it anew on every view (0.4–0.9 ms) and
 * Prisma's own CPU was a third of what the page cost beyond a bare one (issue 12). Prepared
 * (lib/db.ts withPreparedStatements): everything hangs on the application's id.
 */
export async function getApplicationForMember(
  scope: AccessScope,
  applicationId: string,
): Promise<ApplicationDetail | EmployerApplicationDetail | null> {
  if (!applicationId || applicationId.length > 64) return null;
  const visible = visibleApplicationsSql(scope);
  const archive = seesArchive(scope);
  const [rows, events, jobs, resentTo] = await withPreparedStatements(() =>
    Promise.all([
      queryRowsDirect<DetailRow>(Prisma.sql`
        SELECT a.id, a.status::text AS status, a."jobTitle", a.spontaneous, a.message, a."createdAt", a."updatedAt",
               a."processedAt", a."statusChangedAt", a."autoRefusalWarnedAt", a."refusalReason"::text AS "refusalReason", a."answerToCandidate", a."answerToPrescriber",
               a."hiringStartDate", a."hiringEndDate",
               c.id AS "candidateId", c.email AS "candidateEmail",
               p."firstName" AS "profileFirstName", p."lastName" AS "profileLastName", p.phone AS "profilePhone",
               su.id AS "senderUserId", su."firstName" AS "senderFirstName", su."lastName" AS "senderLastName", su.email AS "senderEmail",
               so.id AS "senderOrganizationId", so.name AS "senderOrganizationName", so.type::text AS "senderOrganizationType",
               so."contactEmail" AS "senderContactEmail", so."contactPhone" AS "senderContactPhone",
               eo.id AS "employerId", eo.name AS "employerName", eo.type::text AS "employerType", eo.address AS "employerAddress",
               eo."postalCode" AS "employerPostalCode", eo.city AS "employerCity",
               eo."contactEmail" AS "employerContactEmail", eo."contactPhone" AS "employerContactPhone",
               h.id AS "handlerId", h."firstName" AS "handlerFirstName", h."lastName" AS "handlerLastName", h.email AS "handlerEmail",
               hj.id AS "hiredJobId", hj.title AS "hiredJobTitle", hj."contractType"::text AS "hiredJobContractType", hj.city AS "hiredJobCity",
               linked.id AS "resentFromId", linked."createdAt" AS "resentFromCreatedAt", linked.status::text AS "resentFromStatus",
               linkedEmployer.name AS "resentFromEmployerName"
               ${archive ? ARCHIVE_COLUMNS : Prisma.empty}
        FROM "JobApplication" a
        JOIN "Candidate" c ON c.id = a."candidateId"
        JOIN "CandidateProfile" p ON p."candidateId" = a."candidateId" AND p."organizationId" = a."senderOrganizationId"
        JOIN "User" su ON su.id = a."senderUserId"
        JOIN "Organization" so ON so.id = a."senderOrganizationId"
        JOIN "Organization" eo ON eo.id = a."employerOrganizationId"
        LEFT JOIN "User" h ON h.id = a."handlerId"
        LEFT JOIN "JobDescription" hj ON hj.id = a."hiredJobId"
        LEFT JOIN "JobApplication" linked ON linked.id = a."resentFromId" AND ${visibleLinkedApplicationsSql(scope)}
        LEFT JOIN "Organization" linkedEmployer ON linkedEmployer.id = linked."employerOrganizationId"
        ${archive ? ARCHIVE_JOIN : Prisma.empty}
        WHERE a.id = ${applicationId} AND ${visible}`),
      queryRowsDirect<EventRow>(Prisma.sql`
        SELECT e.id, e.transition, e."fromStatus"::text AS "fromStatus", e."toStatus"::text AS "toStatus", e."createdAt",
               e."refusalReason"::text AS "refusalReason", e.message, e."privateMessage", e."hiringStartDate", e."hiringEndDate",
               actor.id AS "actorId", actor."firstName" AS "actorFirstName", actor."lastName" AS "actorLastName"
        FROM "ApplicationEvent" e
        JOIN "JobApplication" a ON a.id = e."applicationId"
        LEFT JOIN "User" actor ON actor.id = e."actorId"
        WHERE e."applicationId" = ${applicationId} AND ${visible}
        ORDER BY e."createdAt", e.id`),
      queryRowsDirect<Job>(Prisma.sql`
        SELECT j.id, j.title, j."contractType"::text AS "contractType", j.city
        FROM "ApplicationJob" aj
        JOIN "JobApplication" a ON a.id = aj."applicationId"
        JOIN "JobDescription" j ON j.id = aj."jobDescriptionId"
        WHERE aj."applicationId" = ${applicationId} AND ${visible}
        ORDER BY j.title, j.id`),
      queryRowsDirect<Linked>(Prisma.sql`
        SELECT linked.id, linked."createdAt", linked.status::text AS status, o.name AS "employerName"
        FROM "JobApplication" linked
        JOIN "JobApplication" a ON a.id = linked."resentFromId"
        JOIN "Organization" o ON o.id = linked."employerOrganizationId"
        WHERE linked."resentFromId" = ${applicationId} AND ${visible} AND ${visibleLinkedApplicationsSql(scope)}
        ORDER BY linked."createdAt", linked.id`),
    ]),
  );
  const row = rows[0];
  if (!row) return null;

  const detail: ApplicationDetail = {
    id: row.id,
    status: row.status,
    jobTitle: row.jobTitle,
    spontaneous: row.spontaneous,
    jobs: jobs.map((job) => ({ jobDescription: job })),
    hiredJob:
      row.hiredJobId === null
        ? null
        : { id: row.hiredJobId, title: row.hiredJobTitle!, contractType: row.hiredJobContractType!, city: row.hiredJobCity! },
    message: row.message,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    processedAt: row.processedAt,
    statusChangedAt: row.statusChangedAt,
    autoRefusalWarnedAt: row.autoRefusalWarnedAt,
    refusalReason: row.refusalReason,
    answerToCandidate: row.answerToCandidate,
    answerToPrescriber: row.answerToPrescriber,
    hiringStartDate: row.hiringStartDate,
    hiringEndDate: row.hiringEndDate,
    candidate: { id: row.candidateId, email: row.candidateEmail },
    candidateProfile: { firstName: row.profileFirstName, lastName: row.profileLastName, phone: row.profilePhone },
    senderUser: { id: row.senderUserId, firstName: row.senderFirstName, lastName: row.senderLastName, email: row.senderEmail },
    senderOrganization: {
      id: row.senderOrganizationId,
      name: row.senderOrganizationName,
      type: row.senderOrganizationType,
      contactEmail: row.senderContactEmail,
      contactPhone: row.senderContactPhone,
    },
    employerOrganization: {
      id: row.employerId,
      name: row.employerName,
      type: row.employerType,
      address: row.employerAddress,
      postalCode: row.employerPostalCode,
      city: row.employerCity,
      contactEmail: row.employerContactEmail,
      contactPhone: row.employerContactPhone,
    },
    handler:
      row.handlerId === null
        ? null
        : { id: row.handlerId, firstName: row.handlerFirstName!, lastName: row.handlerLastName!, email: row.handlerEmail! },
    events: events.map(({ actorId, actorFirstName, actorLastName, ...event }) => ({
      ...event,
      actor: actorId === null ? null : { id: actorId, firstName: actorFirstName!, lastName: actorLastName! },
    })),
    resentFrom: linked(row.resentFromId, row.resentFromCreatedAt, row.resentFromStatus, row.resentFromEmployerName),
    resentTo: resentTo.map((other) => linked(other.id, other.createdAt, other.status, other.employerName)!),
  };
  if (!archive) return detail;
  return {
    ...detail,
    archivedAt: row.archivedAt ?? null,
    archivedBy: row.archivedByFirstName == null ? null : { firstName: row.archivedByFirstName, lastName: row.archivedByLastName! },
  };
}
