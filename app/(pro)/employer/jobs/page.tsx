import type { Metadata } from "next";
import Link from "@/components/link";
import { requireMember } from "@/lib/auth/guards";
import { listJobChanges, listJobs, spontaneousApplicationsOpen } from "@/lib/job-descriptions/jobs";
import { ROUTES } from "@/lib/routes";
import { JobsTable } from "@/components/jobs/jobs-table";
import { SpontaneousSwitch } from "@/components/jobs/spontaneous-switch";
import { JobHistory } from "@/components/jobs/job-history";

export const metadata: Metadata = { title: "Fiches de poste" };

/** "Fiches de poste" (issue 13): the employer's jobs, open or closed, its spontaneous switch and who changed what. */
export default async function JobsPage() {
  const member = await requireMember("EMPLOYER");
  const [jobs, spontaneousOpen, changes] = await Promise.all([
    listJobs(member),
    spontaneousApplicationsOpen(member),
    listJobChanges(member),
  ]);
  return (
    <>
      <h1>Fiches de poste</h1>
      <p className="fr-text--lead">
        Dites aux prescripteurs ce que vous recrutez : ils choisissent parmi vos postes ouverts, ou envoient une candidature spontanée si
        vous les acceptez.
      </p>
      <SpontaneousSwitch open={spontaneousOpen} />
      <div className="fr-grid-row fr-grid-row--middle fr-mb-2w" style={{ gap: "1rem", justifyContent: "space-between" }}>
        <h2 className="fr-h4 fr-mb-0">Postes ({jobs.length})</h2>
        <Link className="fr-btn fr-btn--icon-left fr-icon-add-line" href={ROUTES.newJob}>
          Créer une fiche de poste
        </Link>
      </div>
      {jobs.length === 0 ? (
        <p>Aucune fiche de poste pour l&apos;instant. Créez-en une pour que les prescripteurs puissent postuler à un poste précis.</p>
      ) : (
        <JobsTable jobs={jobs} />
      )}
      <JobHistory
        changes={changes.map((change) => ({
          id: change.id,
          action: change.action,
          changes: change.changes,
          createdAtIso: change.createdAt.toISOString(),
          actor: change.actor,
          job: change.jobDescription,
        }))}
      />
    </>
  );
}
