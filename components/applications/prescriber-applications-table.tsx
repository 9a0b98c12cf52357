"use client";
import { useAnchorNavigation } from "@/components/anchor-navigation";
import type { PrescriberTableRow } from "@/components/applications/prescriber-table-rows";
import { StatusLink } from "@/components/applications/status-link";
import { NarrowStatus, watchStatusColumn } from "@/components/applications/narrow-status";
import { applicationPath, candidatePath } from "@/lib/routes";
import { ofName, toName } from "@/lib/french";

/**
 * "Suivi des candidatures": one row per application sent by the organisation (the DSFR table's
 * markup). A client component: the page sends its rows' few strings, not their element tree. Its
 * links are plain anchors, one handler for all (components/anchor-navigation.ts).
 */
export function PrescriberApplicationsTable({ rows, caption }: { rows: PrescriberTableRow[]; caption: string }) {
  const navigate = useAnchorNavigation();
  return (
    <div className="fr-table" onClick={navigate}>
      <table ref={watchStatusColumn}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Candidat</th>
            <th scope="col" className="fr-col--md">
              Employeur
            </th>
            <th scope="col">Envoyée par</th>
            <th scope="col">Date d&apos;envoi</th>
            <th scope="col" data-status-column>
              Statut
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <a href={candidatePath(row.candidateId)}>{row.candidate}</a>
                <NarrowStatus status={row.status} href={applicationPath(row.id)} />
              </td>
              {/* Long job titles wrap, so that the Statut column stays on screen. */}
              <td className="fr-cell--multiline">
                {row.employer}
                <span className="fr-hint-text">{row.appliedFor}</span>
              </td>
              <td>{row.sender}</td>
              <td>
                <time dateTime={row.sentAt}>{row.sentDay}</time>
              </td>
              <td>
                <StatusLink
                  plain
                  href={applicationPath(row.id)}
                  status={row.status}
                  description={`Voir la candidature ${ofName(row.candidate)} ${toName(row.employer)}`}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
