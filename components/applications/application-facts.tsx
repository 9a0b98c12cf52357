import type { ReactNode } from "react";
import type { ApplicationDetail } from "@/lib/applications/detail";
import { ANSWERED_STATUSES, REFUSAL_REASON_LABELS } from "@/lib/status";
import { formatCalendarDate, formatDay, personName } from "@/components/applications/format";
import { appliedForLabel, jobLabel } from "@/lib/job-descriptions/vocabulary";

function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="fr-mb-3w">
      {items.map(([label, value]) => (
        <div key={label} className="fr-mb-1w">
          <dt className="fr-text--bold">{label}</dt>
          <dd className="fr-ml-0" style={{ whiteSpace: "pre-line" }}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

const mailto = (email: string) => <a href={`mailto:${email}`}>{email}</a>;

/** The candidate and what the prescriber sent. */
export function ApplicationFacts({ application }: { application: ApplicationDetail }) {
  const { candidate, candidateProfile: profile, senderUser, senderOrganization } = application;
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      <section aria-labelledby="candidate-title" className="fr-col-12 fr-col-md-6">
        <h2 id="candidate-title" className="fr-h4">
          Candidat
        </h2>
        <Facts
          items={[
            ["Nom", personName(profile)],
            ["Adresse e-mail", candidate.email ? mailto(candidate.email) : "Non renseignée (le candidat n'est pas prévenu par e-mail)"],
            ["Téléphone", profile.phone ? <a href={`tel:${profile.phone.replace(/[^\d+]/g, "")}`}>{profile.phone}</a> : "Non renseigné"],
          ]}
        />
      </section>
      <section aria-labelledby="sender-title" className="fr-col-12 fr-col-md-6">
        <h2 id="sender-title" className="fr-h4">
          Candidature
        </h2>
        <Facts
          items={[
            [
              "Envoyée le",
              <time key="sent" dateTime={application.createdAt.toISOString()}>
                {formatDay(application.createdAt)}
              </time>,
            ],
            [
              "Par",
              <>
                {personName(senderUser)} ({mailto(senderUser.email)})
              </>,
            ],
            ["Organisation du prescripteur", senderOrganization.name],
            ["Employeur", application.employerOrganization.name],
            [application.jobs.length > 1 ? "Postes visés" : "Poste visé", appliedForLabel(application)],
            ...(application.hiredJob ? ([["Poste retenu", jobLabel(application.hiredJob)]] as [string, ReactNode][]) : []),
          ]}
        />
      </section>
      <section aria-labelledby="message-title" className="fr-col-12">
        <h2 id="message-title" className="fr-h4">
          Message du prescripteur
        </h2>
        <blockquote
          className="fr-m-0 fr-pl-2w fr-mb-3w"
          style={{ borderLeft: "4px solid var(--border-default-grey)", whiteSpace: "pre-line" }}
        >
          {application.message}
        </blockquote>
      </section>
    </div>
  );
}

/** The employer's current answer, as the employer team sees it (everything, reason included). */
export function EmployerAnswerFacts({ application }: { application: ApplicationDetail }) {
  const items: [string, ReactNode][] = [];
  if (application.refusalReason)
    items.push(["Motif du refus (communiqué au prescripteur seulement)", REFUSAL_REASON_LABELS[application.refusalReason]]);
  // A cancelled hire keeps its dates as a record of what was planned (lib/applications/transitions.ts).
  const planned = application.status === "CANCELLED";
  if (application.hiringStartDate)
    items.push([planned ? "Début du contrat prévu" : "Début du contrat", formatCalendarDate(application.hiringStartDate)]);
  if (application.hiringEndDate)
    items.push([planned ? "Fin du contrat prévue" : "Fin du contrat", formatCalendarDate(application.hiringEndDate)]);
  if (application.answerToCandidate && ANSWERED_STATUSES.has(application.status))
    items.push(["Réponse au candidat", application.answerToCandidate]);
  if (application.answerToPrescriber) items.push(["Message privé au prescripteur", application.answerToPrescriber]);
  return (
    <section aria-labelledby="answer-title" className="fr-mb-3w">
      <h2 id="answer-title" className="fr-h4">
        Réponse
      </h2>
      {items.length ? (
        <Facts items={items} />
      ) : (
        <p>
          {application.status === "OBSOLETE"
            ? "Aucune réponse en cours\u00a0: le candidat a été embauché par une autre structure (voir l'historique)."
            : "Aucune réponse n'a encore été donnée."}
        </p>
      )}
    </section>
  );
}
