"use client";
import { useState, useTransition } from "react";
import Link from "@/components/link";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { setJobOpenAction } from "@/lib/job-descriptions/actions";
import { CONTRACT_TYPE_LABELS, type ContractType } from "@/lib/job-descriptions/vocabulary";
import { jobPath } from "@/lib/routes";
import { quoted } from "@/lib/french";
import { TableFrame } from "@/components/table-frame";

export interface JobTableRow {
  id: string;
  title: string;
  contractType: ContractType;
  city: string;
  department: string;
  weeklyHours: number;
  positions: number;
  isOpen: boolean;
}

/** The employer's jobs, each with "Modifier" and "Fermer / Rouvrir le recrutement". */
export function JobsTable({ jobs }: { jobs: JobTableRow[] }) {
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<{ severity: "success" | "error"; message: string } | null>(null);

  function toggle(job: JobTableRow) {
    startTransition(async () => {
      const result = await setJobOpenAction({ jobId: job.id, open: !job.isOpen }).catch(() => null);
      // The action's answer carries the table as it now is (no router.refresh(): issue 12).
      if (result?.ok) {
        setNotice({
          severity: "success",
          message: job.isOpen
            ? `Le recrutement est fermé pour ${quoted(job.title)}\u00a0: les prescripteurs ne peuvent plus y postuler.`
            : `Le recrutement est ouvert pour ${quoted(job.title)}.`,
        });
      } else {
        setNotice({ severity: "error", message: result?.error ?? "Une erreur inattendue est survenue. Réessayez dans un instant." });
      }
    });
  }

  return (
    <>
      <div role="status">{notice && <Alert severity={notice.severity} small description={notice.message} className="fr-mb-2w" />}</div>
      <TableFrame noCaption>
        <table>
          <caption>Fiches de poste</caption>
          <thead>
            <tr>
              {/* The state and its button right after the title: on a phone, in view without scrolling sideways. */}
              <th scope="col">Poste</th>
              <th scope="col">Recrutement</th>
              <th scope="col">Contrat</th>
              <th scope="col">Lieu</th>
              <th scope="col" className="fr-cell--multiline">
                Heures / semaine
              </th>
              <th scope="col">Postes</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.id}>
                <th scope="row" className="fr-cell--multiline">
                  <Link href={jobPath(job.id)}>{job.title}</Link>
                </th>
                <td>
                  <Badge severity={job.isOpen ? "success" : undefined} noIcon small>
                    {job.isOpen ? "Recrutement ouvert" : "Recrutement fermé"}
                  </Badge>
                  {/* Under the badge, not beside it: the column stays narrow. */}
                  <div className="fr-mt-1w">
                    <button
                      type="button"
                      className="fr-btn fr-btn--sm fr-btn--secondary"
                      // aria-disabled, not disabled: a disabled button drops the keyboard focus to the page's top.
                      aria-disabled={pending}
                      onClick={() => pending || toggle(job)}
                      aria-label={`${job.isOpen ? "Fermer" : "Ouvrir"} le recrutement\u00a0: ${job.title}`}
                    >
                      {job.isOpen ? "Fermer le recrutement" : "Ouvrir le recrutement"}
                    </button>
                  </div>
                </td>
                <td>{CONTRACT_TYPE_LABELS[job.contractType]}</td>
                <td className="fr-cell--multiline">
                  {job.city} ({job.department})
                </td>
                <td>{job.weeklyHours} h</td>
                <td>{job.positions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
    </>
  );
}
