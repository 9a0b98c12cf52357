import type { ApplicationListRow } from "@/lib/applications/list";
import type { ApplicationStatus } from "@/lib/status";
import { formatCalendarDate, formatDay, personName } from "@/components/applications/format";
import { autoRefusalDay } from "@/lib/applications/auto-refusal";
import { appliedForLabel } from "@/lib/job-descriptions/vocabulary";

/**
 * One row of "Candidatures reçues" as the client table receives it: only what it renders and what
 * the batch bar needs, formatted on the server. The table is a client component, so every field
 * of its props travels in the page's RSC payload (issue 12: ids, cities and nested objects the
 * table never shows used to).
 */
export interface EmployerTableRow {
  id: string;
  status: ApplicationStatus;
  archived: boolean;
  name: string;
  /** Its jobs, or "Candidature spontanée", and the free-text precision (issue 13). */
  appliedFor: string;
  sentAt: string;
  sentDay: string;
  sender: string;
  senderOrganization: string;
  handler: string | null;
  /** Once the team was warned: the day it will be declined unanswered, so that the list shows which are urgent. */
  refusalDay: string | null;
}

export function toEmployerTableRows(rows: ApplicationListRow[]): EmployerTableRow[] {
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    archived: row.archivedAt !== null,
    name: personName(row.candidateProfile),
    appliedFor: appliedForLabel(row),
    sentAt: row.createdAt.toISOString(),
    sentDay: formatDay(row.createdAt),
    sender: personName(row.senderUser),
    senderOrganization: row.senderOrganization.name,
    handler: row.handler ? personName(row.handler) : null,
    refusalDay: refusalDayOf(row),
  }));
}

function refusalDayOf(row: ApplicationListRow): string | null {
  const day = autoRefusalDay(row);
  return day ? formatCalendarDate(day) : null;
}
