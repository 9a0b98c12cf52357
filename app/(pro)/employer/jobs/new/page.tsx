import { requireMember, sidePageMetadata } from "@/lib/auth/guards";
import { JobForm } from "@/components/jobs/job-form";

export const generateMetadata = sidePageMetadata("EMPLOYER", "Créer une fiche de poste");

export default async function NewJobPage() {
  await requireMember("EMPLOYER");
  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-lg-8">
        <h1>Créer une fiche de poste</h1>
        <p>Le recrutement est ouvert dès la création&nbsp;: les prescripteurs voient le poste et peuvent y postuler.</p>
        <JobForm />
      </div>
    </div>
  );
}
