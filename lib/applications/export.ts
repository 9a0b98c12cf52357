import "server-only";
import { prisma } from "@/lib/db";
import type { AccessScope } from "@/lib/access";
import { appliedForLabel } from "@/lib/job-descriptions/vocabulary";
import { listRowSelect, listWhere, type ApplicationListRow } from "@/lib/applications/list";
import type { ListFilters } from "@/lib/applications/list-filters";
import { STATUS_LABELS } from "@/lib/status";
import { personName } from "@/lib/people";

type Scope = AccessScope;

export const EXPORT_BATCH_SIZE = 500;
// A spreadsheet of a few years of an organisation's applications; beyond, narrow the filters.
export const EXPORT_MAX_ROWS = 20_000;

/** The list's applications under its filters, newest first, read in keyset batches (never OFFSET). */
export async function* iterateListApplications(
  scope: Scope,
  filters: ListFilters,
  batchSize = EXPORT_BATCH_SIZE,
): AsyncGenerator<ApplicationListRow> {
  const where = listWhere(scope, filters);
  let cursor: { createdAt: Date; id: string } | undefined;
  let seen = 0;
  while (seen < EXPORT_MAX_ROWS) {
    const rows = await prisma.jobApplication.findMany({
      where: cursor
        ? { AND: [where, { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] }] }
        : where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: Math.min(batchSize, EXPORT_MAX_ROWS - seen),
      select: listRowSelect,
    });
    yield* rows;
    seen += rows.length;
    if (rows.length < batchSize) return;
    cursor = rows[rows.length - 1];
  }
}

const PARIS_DAY = new Intl.DateTimeFormat("fr-FR", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Paris" });

export const CSV_HEADER = ["Candidat", "Employeur", "Ville de l'employeur", "Métier ou poste", "Envoyée par", "Date d'envoi", "Statut"];

/**
 * One CSV cell, for French spreadsheets (";" separated). A leading =, +, - or @ is neutralised:
 * a candidate named "=HYPERLINK(…)" must stay text when the file is opened.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: string[]): string {
  return `${cells.map(csvCell).join(";")}\r\n`;
}

export function applicationCsvCells(row: ApplicationListRow): string[] {
  return [
    personName(row.candidateProfile),
    row.employerOrganization.name,
    row.employerOrganization.city,
    row.jobs.length || row.spontaneous ? appliedForLabel(row) : (row.jobTitle ?? ""),
    personName(row.senderUser),
    PARIS_DAY.format(row.createdAt),
    STATUS_LABELS[row.status],
  ];
}
