import type { Metadata } from "next";
import { cache } from "react";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireMember } from "@/lib/auth/guards";
import { isEmployer as isEmployerOrganization, mayResendApplication } from "@/lib/access";
import { listJobs } from "@/lib/job-descriptions/jobs";
import { jobLabel } from "@/lib/job-descriptions/vocabulary";
import { ResendLinks } from "@/components/applications/resend-links";
import { getApplicationForMember } from "@/lib/applications/detail";
import { listApplicationNotes } from "@/lib/applications/notes";
import { STATUS_DESCRIPTIONS, formatWait } from "@/lib/status";
import { env } from "@/lib/env";
import { ArchivedBadge, StatusBadge } from "@/components/applications/status-badge";
import { ArchivePanel } from "@/components/applications/archive-panel";
import { AutoRefusalNotice } from "@/components/applications/auto-refusal-notice";
import { autoRefusalDay } from "@/lib/applications/auto-refusal";
import { ApplicationFacts, EmployerAnswerFacts } from "@/components/applications/application-facts";
import { ApplicationTimeline } from "@/components/applications/application-timeline";
import { DecisionPanel } from "@/components/applications/decision-panel";
import { InternalNotes } from "@/components/applications/internal-notes";
import { PrescriberAnswer } from "@/components/applications/prescriber-answer";
import { formatDay, personName } from "@/components/applications/format";
import { applicationListPath } from "@/lib/routes";
import { ofName } from "@/lib/french";

// Read once for the title and the page (React's cache, per request): the title names the
// person, so that a member with several applications open tells the tabs apart.
const readApplication = cache(async (id: string) => getApplicationForMember(await requireMember(), id));

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const application = await readApplication((await params).id);
  // Not found from here too, so that the 404 is not titled as an application.
  if (!application) notFound();
  return { title: `Candidature ${ofName(personName(application.candidateProfile))}` };
}

/**
 * One application, for the two organisations that share it (DESIGN §6): the employer that
 * received it (everything, and the buttons lib/status.ts allows) and the prescriber organisation
 * that sent it (status, answer, history). Anyone else gets a 404, whatever the id.
 */
export default async function ApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const member = await requireMember();
  const { id } = await params;
  const isEmployer = isEmployerOrganization(member);
  // Everything at once from the id: each read is scoped by lib/access.ts on its own, so nothing is
  // shown when the application is not this organisation's (404 below). The detail carries the
  // re-send links and, for the employer only, the archive state.
  const [application, notes, jobs] = await Promise.all([
    readApplication(id),
    // The team's notes: [] for the prescriber side (lib/access.ts), and rendered only below for the employer.
    isEmployer ? listApplicationNotes(member, id) : [],
    // "Poste retenu" choices: [] for the prescriber side (lib/access.ts visibleJobsWhere).
    listJobs(member),
  ]);
  if (!application) notFound();

  const appliedFor = new Set(application.jobs.map(({ jobDescription }) => jobDescription.id));
  const hireableJobs = jobs.map((job) => ({ id: job.id, label: jobLabel(job), isOpen: job.isOpen, appliedFor: appliedFor.has(job.id) }));
  // Only the employer's detail has the archive fields (lib/applications/detail.ts).
  const archived =
    "archivedAt" in application && application.archivedAt
      ? { on: formatDay(application.archivedAt), by: application.archivedBy ? personName(application.archivedBy) : null }
      : null;
  const candidate = personName(application.candidateProfile);
  const refusalDay = autoRefusalDay(application);

  return (
    <>
      <p className="fr-mb-2w">
        <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={applicationListPath(!isEmployer)}>
          {isEmployer ? "Candidatures reçues" : "Suivi des candidatures"}
        </Link>
      </p>
      <h1 className="fr-mb-2w">Candidature {ofName(candidate)}</h1>
      <div className="fr-mb-4w">
        {/* The DSFR badge is a <p>: its line is a <div>. */}
        <div className="fr-mb-1w">
          <StatusBadge status={application.status} />
          {archived && <ArchivedBadge />} <span className="fr-text--sm">{STATUS_DESCRIPTIONS[application.status]}</span>
        </div>
        {isEmployer && (
          <p className="fr-mb-0" data-testid="handler">
            {application.handler
              ? `Prise en charge par ${personName(application.handler)}`
              : "Personne n'a encore pris en charge cette candidature"}
          </p>
        )}
      </div>

      {refusalDay && <AutoRefusalNotice day={refusalDay} wait={formatWait(env.AUTO_REFUSAL_DAYS)} isEmployer={isEmployer} />}

      {isEmployer ? (
        <>
          <DecisionPanel
            applicationId={application.id}
            status={application.status}
            isHandler={application.handler?.id === member.userId}
            jobs={hireableJobs}
            candidateHasEmail={Boolean(application.candidate.email)}
          />
          <ArchivePanel applicationId={application.id} status={application.status} archived={archived} />
          <EmployerAnswerFacts application={application} />
        </>
      ) : (
        <PrescriberAnswer application={application} />
      )}

      <ResendLinks
        applicationId={application.id}
        mayResend={mayResendApplication(member, { senderOrganizationId: application.senderOrganization.id, status: application.status })}
        resentFrom={application.resentFrom}
        resentTo={application.resentTo}
      />

      <ApplicationFacts application={application} />

      {isEmployer && (
        <InternalNotes
          applicationId={application.id}
          notes={notes.map((note) => ({
            id: note.id,
            body: note.body,
            createdAt: note.createdAt.toISOString(),
            authorName: personName(note.author),
            mine: note.mine,
          }))}
        />
      )}

      <section aria-labelledby="history-title" className="fr-mt-3w">
        <h2 id="history-title" className="fr-h4">
          Historique
        </h2>
        <ApplicationTimeline events={application.events} />
      </section>
    </>
  );
}
