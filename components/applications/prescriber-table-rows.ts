import type { ApplicationListRow } from "@/lib/applications/list";
import type { ApplicationStatus } from "@/lib/status";
import { formatDay, personName } from "@/components/applications/format";
import { appliedForLabel } from "@/lib/job-descriptions/vocabulary";

/** One row of "Suivi des candidatures" as the client table receives it: what it renders, formatted on the server. */
export interface PrescriberTableRow {
  id: string;
  status: ApplicationStatus;
  candidateId: string;
  candidate: string;
  employer: string;
  /** Its jobs, or "Candidature spontanée", and the free-text precision (issue 13). */
  appliedFor: string;
  sender: string;
  sentAt: string;
  sentDay: string;
}

export function toPrescriberTableRows(rows: ApplicationListRow[]): PrescriberTableRow[] {
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    candidateId: row.candidateProfile.candidateId,
    candidate: personName(row.candidateProfile),
    employer: row.employerOrganization.name,
    appliedFor: appliedForLabel(row),
    sender: personName(row.senderUser),
    sentAt: row.createdAt.toISOString(),
    sentDay: formatDay(row.createdAt),
  }));
}
