"use client";
import { useState, type ReactNode } from "react";
import { useAnchorNavigation } from "@/components/anchor-navigation";
import type { EmployerTableRow } from "@/components/applications/employer-table-rows";
import type { ListSort } from "@/lib/applications/list-filters";
import { ArchivedBadge, StatusBadge } from "@/components/applications/status-badge";
import { BatchBar } from "@/components/applications/batch-bar";
import { TableFrame } from "@/components/table-frame";
import { NarrowStatus, watchStatusColumn } from "@/components/applications/narrow-status";
import { applicationPath } from "@/lib/routes";
import { ofName } from "@/lib/french";

type SortedColumn = "candidate" | "date" | "status";
const SORTED_COLUMN: Record<ListSort, [SortedColumn, "ascending" | "descending"]> = {
  date_desc: ["date", "descending"],
  date_asc: ["date", "ascending"],
  name_asc: ["candidate", "ascending"],
  name_desc: ["candidate", "descending"],
  status_asc: ["status", "ascending"],
  status_desc: ["status", "descending"],
};

/**
 * "Candidatures reçues": one row per application received by the employer, each with a checkbox
 * (DSFR table with row selection, 1.12+ markup), and the batch action bar after it. The checkboxes
 * are named after the candidate; the selected count is announced (the bar's live region). Not the
 * DSFR's own `name="row-select"`: its script would toggle the rows behind React's back.
 */
export function EmployerApplicationsTable({
  rows,
  caption,
  sort,
  empty,
}: {
  rows: EmployerTableRow[];
  caption: string;
  sort: ListSort;
  /** Shown instead of the table when the page has no row. */
  empty: ReactNode;
}) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // Rows that left the page (after a decision and a refresh) leave the selection too.
  const selection = rows.filter((row) => selected.has(row.id));
  const allSelected = rows.length > 0 && selection.length === rows.length;
  const navigate = useAnchorNavigation();
  const [sortedColumn, direction] = SORTED_COLUMN[sort];
  const ariaSort = (column: SortedColumn) => (column === sortedColumn ? direction : undefined);

  function toggle(id: string, checked: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  return (
    <>
      {rows.length === 0 ? (
        empty
      ) : (
        // Plain links, one handler for all (components/anchor-navigation.ts).
        <TableFrame data-testid="employer-applications-table" onClick={navigate}>
          <table ref={watchStatusColumn}>
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th className="fr-cell--fixed" role="columnheader">
                  <div className="fr-checkbox-group fr-checkbox-group--sm">
                    <input
                      type="checkbox"
                      id="select-all-applications"
                      checked={allSelected}
                      onChange={(event) => setSelected(event.target.checked ? new Set(rows.map((row) => row.id)) : new Set())}
                    />
                    <label className="fr-label" htmlFor="select-all-applications">
                      Sélectionner toutes les candidatures de la page
                    </label>
                  </div>
                </th>
                <th scope="col" className="fr-col--md" aria-sort={ariaSort("candidate")}>
                  Candidat
                </th>
                <th scope="col" className="fr-col--md">
                  Prescripteur
                </th>
                <th scope="col" aria-sort={ariaSort("date")}>
                  Date d&apos;envoi
                </th>
                <th scope="col" aria-sort={ariaSort("status")} data-status-column>
                  Statut
                </th>
                <th scope="col">Prise en charge par</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const name = row.name;
                const isSelected = selected.has(row.id);
                return (
                  <tr key={row.id} aria-selected={isSelected}>
                    <th className="fr-cell--fixed" role="rowheader">
                      <div className="fr-checkbox-group fr-checkbox-group--sm">
                        <input
                          type="checkbox"
                          id={`select-${row.id}`}
                          checked={isSelected}
                          onChange={(event) => toggle(row.id, event.target.checked)}
                        />
                        <label className="fr-label" htmlFor={`select-${row.id}`}>
                          Sélectionner la candidature {ofName(name)}
                        </label>
                      </div>
                    </th>
                    {/* Long names and job titles wrap, so that the Statut column stays on screen. */}
                    <td className="fr-cell--multiline">
                      <a href={applicationPath(row.id)}>{name}</a>
                      <NarrowStatus status={row.status} />
                      <span className="fr-hint-text">{row.appliedFor}</span>
                    </td>
                    <td className="fr-cell--multiline">
                      {row.sender}
                      <span className="fr-hint-text">{row.senderOrganization}</span>
                    </td>
                    <td>
                      <time dateTime={row.sentAt}>{row.sentDay}</time>
                    </td>
                    <td>
                      <StatusBadge status={row.status} small />
                      {row.archived && <ArchivedBadge small />}
                      {row.refusalDay && (
                        <span className="fr-hint-text" data-testid="refusal-day">
                          <span className="fr-icon-warning-line fr-icon--sm" aria-hidden="true" /> Refus automatique le {row.refusalDay}
                        </span>
                      )}
                    </td>
                    <td>{row.handler ?? <span className="fr-hint-text fr-mt-0">Personne</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableFrame>
      )}
      {/* After the rows it acts on, in reading and focus order; it stays in view while rows are selected. */}
      <BatchBar
        selection={selection.map((row) => ({
          id: row.id,
          status: row.status,
          archived: row.archived,
          name: row.name,
        }))}
        onSettled={() => setSelected(new Set())}
        hasRows={rows.length > 0}
      />
    </>
  );
}
