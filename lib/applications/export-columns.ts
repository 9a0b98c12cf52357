import "server-only";
import { isEmployer, isPrescriber, seesArchive, type AccessScope } from "@/lib/access";
import { Prisma } from "@/lib/generated/prisma/client";
import { personName } from "@/lib/people";
import { appliedForLabel, jobLabel, type ContractType } from "@/lib/job-descriptions/vocabulary";
import { REFUSAL_REASON_LABELS, STATUS_LABELS, type ApplicationStatus, type RefusalReason } from "@/lib/status";

/**
 * The columns of both exports ("Candidatures reçues", "Suivi des candidatures"), in order: THE
 * place to add one. A column names the fields it reads (merged into the export's query) and who
 * may read it, by the rules of lib/access.ts; each side's file has only its own columns.
 */

/**
 * What the export reads of each application: one row of one SQL query per batch of ids, which the
 * list's own keyset query picked (lib/applications/export.ts), so visibility stays the list's.
 * A new column adds its field here, in the type and in the SELECT, then its entry below.
 */
export interface ExportRow {
  id: string;
  status: ApplicationStatus;
  createdAt: Date;
  jobTitle: string | null;
  spontaneous: boolean;
  jobs: { title: string; contractType: ContractType; city: string }[];
  hiredJob: { title: string; contractType: ContractType; city: string } | null;
  refusalReason: RefusalReason | null;
  hiringStartDate: Date | null;
  hiringEndDate: Date | null;
  archivedAt: Date | null;
  candidateFirstName: string;
  candidateLastName: string;
  candidatePhone: string | null;
  candidateEmail: string | null;
  senderFirstName: string;
  senderLastName: string;
  senderOrganizationName: string;
  employerName: string;
  employerCity: string;
  handlerFirstName: string | null;
  handlerLastName: string | null;
}

/** The rows of these applications (ids already scoped by the caller), in no particular order. */
export function exportRowsQuery(ids: string[]) {
  // The candidate's names and phone are the sending organisation's record, as on every screen.
  return Prisma.sql`
    SELECT a.id, a.status::text AS status, a."createdAt", a."jobTitle", a.spontaneous, a."refusalReason"::text AS "refusalReason",
           COALESCE((SELECT json_agg(json_build_object('title', j.title, 'contractType', j."contractType", 'city', j.city) ORDER BY j.title)
                     FROM "ApplicationJob" aj JOIN "JobDescription" j ON j.id = aj."jobDescriptionId"
                     WHERE aj."applicationId" = a.id), '[]'::json) AS jobs,
           (SELECT json_build_object('title', j.title, 'contractType', j."contractType", 'city', j.city)
              FROM "JobDescription" j WHERE j.id = a."hiredJobId") AS "hiredJob",
           a."hiringStartDate", a."hiringEndDate", a."archivedAt",
           p."firstName" AS "candidateFirstName", p."lastName" AS "candidateLastName", p.phone AS "candidatePhone",
           c.email AS "candidateEmail",
           s."firstName" AS "senderFirstName", s."lastName" AS "senderLastName", so.name AS "senderOrganizationName",
           e.name AS "employerName", e.city AS "employerCity",
           h."firstName" AS "handlerFirstName", h."lastName" AS "handlerLastName"
    FROM "JobApplication" a
    JOIN "CandidateProfile" p ON p."candidateId" = a."candidateId" AND p."organizationId" = a."senderOrganizationId"
    JOIN "Candidate" c ON c.id = a."candidateId"
    JOIN "User" s ON s.id = a."senderUserId"
    JOIN "Organization" so ON so.id = a."senderOrganizationId"
    JOIN "Organization" e ON e.id = a."employerOrganizationId"
    LEFT JOIN "User" h ON h.id = a."handlerId"
    WHERE a.id = ANY(${ids}::text[])`;
}

/** "date": a calendar day (stored at midnight UTC); "datetime": an instant, shown in Paris time. */
export type ExportCellType = "text" | "date" | "datetime";
export type ExportValue = string | Date | null;

export interface ExportColumn {
  header: string;
  /** Width in characters in the XLSX file. */
  width: number;
  type: ExportCellType;
  /** Who may read this column (lib/access.ts); absent: both sides, as on the application page. */
  visibleTo?: (scope: AccessScope) => boolean;
  value: (row: ExportRow) => ExportValue;
}

export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  {
    header: "Candidat",
    width: 28,
    type: "text",
    value: (row) => personName({ firstName: row.candidateFirstName, lastName: row.candidateLastName }),
  },
  { header: "E-mail du candidat", width: 30, type: "text", value: (row) => row.candidateEmail },
  { header: "Téléphone du candidat", width: 18, type: "text", value: (row) => row.candidatePhone },
  // The other side's organisation: the employer it went to, or the prescriber that sent it.
  { header: "Employeur", width: 32, type: "text", visibleTo: isPrescriber, value: (row) => row.employerName },
  { header: "Ville de l'employeur", width: 20, type: "text", visibleTo: isPrescriber, value: (row) => row.employerCity },
  {
    header: "Organisation prescriptrice",
    width: 32,
    type: "text",
    visibleTo: isEmployer,
    value: (row) => row.senderOrganizationName,
  },
  // What it was sent for (issue 13): its jobs, or "Candidature spontanée", and the free-text precision.
  {
    header: "Postes",
    width: 36,
    type: "text",
    value: (row) => appliedForLabel({ ...row, jobs: row.jobs.map((jobDescription) => ({ jobDescription })) }),
  },
  {
    header: "Envoyée par",
    width: 24,
    type: "text",
    value: (row) => personName({ firstName: row.senderFirstName, lastName: row.senderLastName }),
  },
  { header: "Date d'envoi", width: 18, type: "datetime", value: (row) => row.createdAt },
  { header: "Statut", width: 26, type: "text", value: (row) => STATUS_LABELS[row.status] },
  {
    header: "Prise en charge par",
    width: 24,
    type: "text",
    value: (row) =>
      row.handlerFirstName === null ? null : personName({ firstName: row.handlerFirstName, lastName: row.handlerLastName ?? "" }),
  },
  { header: "Poste retenu", width: 30, type: "text", value: (row) => (row.hiredJob ? jobLabel(row.hiredJob) : null) },
  { header: "Début du contrat", width: 14, type: "date", value: (row) => row.hiringStartDate },
  { header: "Fin du contrat", width: 14, type: "date", value: (row) => row.hiringEndDate },
  {
    header: "Motif de refus",
    width: 40,
    type: "text",
    value: (row) => (row.refusalReason ? REFUSAL_REASON_LABELS[row.refusalReason] : null),
  },
  { header: "Archivée", width: 10, type: "text", visibleTo: seesArchive, value: (row) => (row.archivedAt ? "Oui" : "Non") },
];

/** The columns this organisation's export has. */
export function exportColumnsFor(scope: AccessScope): ExportColumn[] {
  return EXPORT_COLUMNS.filter((column) => !column.visibleTo || column.visibleTo(scope));
}
