import Link from "next/link";
import { appliedForLabel } from "@/lib/job-descriptions/vocabulary";
import { Table } from "@codegouvfr/react-dsfr/Table";
import type { ApplicationListRow } from "@/lib/applications/list";
import { StatusLink } from "@/components/applications/status-link";
import { formatDay, personName } from "@/components/applications/format";
import { applicationPath, candidatePath } from "@/lib/routes";

/** "Suivi des candidatures": one row per application sent by the organisation. */
export function PrescriberApplicationsTable({ rows, caption }: { rows: ApplicationListRow[]; caption: string }) {
  return (
    <Table
      caption={caption}
      headers={["Candidat", "Employeur", "Envoyée par", "Date d'envoi", "Statut"]}
      data={rows.map((row) => {
        const candidate = personName(row.candidateProfile);
        return [
          <Link key="candidate" href={candidatePath(row.candidateProfile.candidateId)}>
            {candidate}
          </Link>,
          <span key="employer">
            {row.employerOrganization.name}
            <span className="fr-hint-text">{appliedForLabel(row)}</span>
          </span>,
          personName(row.senderUser),
          <time key="date" dateTime={row.createdAt.toISOString()}>
            {formatDay(row.createdAt)}
          </time>,
          <StatusLink
            key="status"
            href={applicationPath(row.id)}
            status={row.status}
            description={`Voir la candidature de ${candidate} à ${row.employerOrganization.name}`}
          />,
        ];
      })}
    />
  );
}
