import Link from "@/components/link";
import { requireMember, sidePageMetadata } from "@/lib/auth/guards";
import { listJobChanges, listJobs, spontaneousApplicationsOpen } from "@/lib/job-descriptions/jobs";
import { ROUTES } from "@/lib/routes";
import { JobsTable } from "@/components/jobs/jobs-table";
import { SpontaneousSwitch } from "@/components/jobs/spontaneous-switch";
import { JobHistory } from "@/components/jobs/job-history";
import { SavedNotice } from "@/components/jobs/saved-notice";

export const generateMetadata = sidePageMetadata("EMPLOYER", "Fiches de poste");

/** "Fiches de poste" (issue 13): the employer's jobs, open or closed, its spontaneous switch and who changed what. */
const SAVED: Record<string, { message: string; severity: "success" | "info" }> = {
  creee: {
    message: "La fiche de poste est créée\u00a0: les prescripteurs peuvent y postuler tant que son recrutement est ouvert.",
    severity: "success",
  },
  modifiee: { message: "Les modifications de la fiche de poste sont enregistrées.", severity: "success" },
  inchangee: { message: "Aucune modification\u00a0: la fiche de poste est restée telle quelle.", severity: "info" },
};

export default async function JobsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const member = await requireMember("EMPLOYER");
  const saved = (await searchParams).enregistree;
  const savedNotice = typeof saved === "string" && Object.hasOwn(SAVED, saved) ? SAVED[saved] : null;
  const [jobs, spontaneousOpen, changes] = await Promise.all([
    listJobs(member),
    spontaneousApplicationsOpen(member),
    listJobChanges(member),
  ]);
  return (
    <>
      <h1>Fiches de poste</h1>
      {savedNotice && <SavedNotice {...savedNotice} param="enregistree" />}
      <p className="fr-text--lead">
        Dites aux prescripteurs ce que vous recrutez&nbsp;: ils choisissent parmi vos postes ouverts, ou envoient une candidature spontanée
        si vous les acceptez.
      </p>
      <SpontaneousSwitch open={spontaneousOpen} />
      <div className="fr-grid-row fr-grid-row--middle fr-mb-2w" style={{ gap: "1rem", justifyContent: "space-between" }}>
        {/* Counts the descriptions: its table's « Postes » column is each one's number of positions. */}
        <h2 className="fr-h4 fr-mb-0">Fiches ({jobs.length})</h2>
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
