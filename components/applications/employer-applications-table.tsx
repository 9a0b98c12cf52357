import Link from "next/link";
import { Table } from "@codegouvfr/react-dsfr/Table";
import type { ApplicationListRow } from "@/lib/applications/list";
import { ArchivedBadge, StatusBadge } from "@/components/applications/status-badge";
import { formatDay, personName } from "@/components/applications/format";
import { applicationPath } from "@/lib/routes";

/** "Candidatures reçues": one row per application received by the employer. */
export function EmployerApplicationsTable({ rows, caption }: { rows: ApplicationListRow[]; caption: string }) {
  return (
    <Table
      caption={caption}
      headers={["Candidat", "Prescripteur", "Date d'envoi", "Statut", "Pris en charge par"]}
      data={rows.map((row) => [
        <span key="candidate">
          <Link href={applicationPath(row.id)}>{personName(row.candidateProfile)}</Link>
          {row.jobTitle && <span className="fr-hint-text">{row.jobTitle}</span>}
        </span>,
        <span key="prescriber">
          {personName(row.senderUser)}
          <span className="fr-hint-text">{row.senderOrganization.name}</span>
        </span>,
        <time key="date" dateTime={row.createdAt.toISOString()}>
          {formatDay(row.createdAt)}
        </time>,
        <div key="status">
          <StatusBadge status={row.status} small />
          {row.archivedAt && <ArchivedBadge small />}
        </div>,
        row.handler ? personName(row.handler) : <span className="fr-hint-text fr-mt-0">Personne</span>,
      ])}
    />
  );
}
