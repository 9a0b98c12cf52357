import { StatusBadge } from "@/components/applications/status-badge";
import type { CandidateApplicationView } from "@/lib/candidate-status";
import { formatFrenchDate } from "@/lib/mail/templates";
import type { ApplicationStatus } from "@/lib/status";

// The statuses told to the candidate in the second person (STATUS_DESCRIPTIONS speak to professionals).
const EXPLANATIONS: Record<ApplicationStatus, string> = {
  NEW: "L'employeur n'a pas encore pris connaissance de votre candidature.",
  PROCESSING: "L'employeur a pris connaissance de votre candidature et l'étudie.",
  ACCEPTED: "L'employeur a décidé de vous embaucher.",
  POSTPONED: "L'employeur a différé sa réponse\u00a0: l'embauche n'est pas garantie.",
  REFUSED: "L'employeur ne peut pas donner suite à votre candidature.",
  CANCELLED: "L'employeur avait accepté votre candidature, puis a annulé l'embauche.",
  OBSOLETE: "Une autre structure vous a embauché\u00a0: cette candidature est close.",
};

const SENT_AT = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <li>
      <strong>{label}&nbsp;:</strong> {children}
    </li>
  );
}

export function CandidateApplication({ application }: { application: CandidateApplicationView }) {
  const titleId = `candidature-${application.id}`;
  const { employer, hiring } = application;
  return (
    // A plain box, not a DSFR card: a card takes the height of its column (height: 100%), so on this
    // single-column page every card was as tall as the whole page and overflowed into the footer.
    <section className="fr-background-alt--grey fr-p-3w fr-mb-3w" aria-labelledby={titleId}>
      <h2 id={titleId} className="fr-h5 fr-mb-1w">
        {employer.name}
        {employer.city ? ` (${employer.city})` : ""}
      </h2>
      {/* The DSFR badge is itself a <p>. */}
      <div className="fr-mb-1w">
        <StatusBadge status={application.status} />
      </div>
      <p>{EXPLANATIONS[application.status]}</p>
      <ul className="fr-raw-list fr-mb-2w">
        {application.jobTitle && <Fact label="Poste">{application.jobTitle}</Fact>}
        <Fact label="Candidature envoyée le">
          <time dateTime={application.sentAt.toISOString()}>{SENT_AT.format(application.sentAt)}</time>
        </Fact>
        <Fact label="Par">
          {application.sentBy.name}, {application.sentBy.organizationName}
          {application.sentBy.email && (
            <>
              {" "}
              &nbsp;: <a href={`mailto:${application.sentBy.email}`}>{application.sentBy.email}</a>
            </>
          )}
        </Fact>
        {hiring?.job && <Fact label="Poste retenu">{hiring.job}</Fact>}
        {hiring?.startDate && <Fact label="Début du contrat">{formatFrenchDate(hiring.startDate)}</Fact>}
        {hiring?.endDate && <Fact label="Fin du contrat">{formatFrenchDate(hiring.endDate)}</Fact>}
      </ul>
      {application.answerToCandidate && (
        <>
          <h3 className="fr-text--md fr-text--bold fr-mb-1w">Message de l&apos;employeur</h3>
          <blockquote className="fr-quote fr-py-1w fr-mb-0">
            <p className="fr-text--md" style={{ whiteSpace: "pre-line" }}>
              {application.answerToCandidate}
            </p>
          </blockquote>
        </>
      )}
    </section>
  );
}
