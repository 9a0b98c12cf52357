import type { Metadata } from "next";
import { cache } from "react";
import { notFound } from "next/navigation";
import { requireMember } from "@/lib/auth/guards";
import { getJob } from "@/lib/job-descriptions/jobs";
import { JobForm } from "@/components/jobs/job-form";

// Read once for the title and the page (React's cache, per request).
const readJob = cache(async (id: string) => getJob(await requireMember("EMPLOYER"), id));

// Not found from here too, so that the 404 is not titled as this page (lib/auth/guards.ts sidePageMetadata).
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  if (!(await readJob((await params).id))) notFound();
  return { title: "Modifier une fiche de poste" };
}

/** Another employer's job, or an unknown id, is not found (DESIGN §6). */
export default async function EditJobPage({ params }: { params: Promise<{ id: string }> }) {
  const job = await readJob((await params).id);
  if (!job) notFound();
  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-lg-8">
        <h1>Modifier la fiche de poste</h1>
        <p>
          Recrutement {job.isOpen ? "ouvert" : "fermé"}&nbsp;: ouvrez-le ou fermez-le depuis la liste des fiches de poste. Les candidatures
          déjà envoyées gardent ce poste.
        </p>
        <JobForm
          jobId={job.id}
          initial={{
            title: job.title,
            contractType: job.contractType,
            city: job.city,
            department: job.department,
            weeklyHours: String(job.weeklyHours),
            positions: String(job.positions),
            description: job.description,
          }}
        />
      </div>
    </div>
  );
}
