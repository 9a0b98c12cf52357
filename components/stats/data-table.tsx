import type { ReactNode } from "react";
import { TableFrame } from "@/components/table-frame";

/**
 * A chart's figures as a DSFR table (RGAA: the accessible alternative of a chart): column headers,
 * and the first cell of each row as its row header, so that a screen reader names every figure.
 * On a phone the table scrolls in its own box, which the keyboard can reach (it holds no link).
 */
export function DataTable({ caption, headers, rows }: { caption: string; headers: string[]; rows: [string, ...ReactNode[]][] }) {
  return (
    // The caption repeats the section's heading on screen: kept for assistive tech only.
    <TableFrame noCaption scrollLabel={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {/* Headers wrap (statuses are long): the month table then fits a desktop's width. */}
            {headers.map((header) => (
              <th key={header} scope="col" className="fr-cell--multiline">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([head, ...cells]) => (
            <tr key={head}>
              <th scope="row">{head}</th>
              {cells.map((cell, index) => (
                <td key={index}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}
