import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { REFUSAL_REASON_LABELS, STATUS_DESCRIPTIONS, type ApplicationStatus, type RefusalReason } from "@/lib/status";
import { formatLongCalendarDate } from "@/components/applications/format";
import { quoted } from "@/lib/french";

/**
 * What the prescriber's view of /applications/[id] shows of the employer's answer (issue 4):
 * the answer message and, for a refusal, the reason — which the candidate never sees — and the
 * private message. Display only: the employer's buttons are never rendered here.
 */
export type PrescriberAnswerProps = {
  application: {
    status: ApplicationStatus;
    refusalReason: RefusalReason | null;
    answerToCandidate: string | null;
    answerToPrescriber: string | null;
    hiringStartDate: Date | string | null;
    hiringEndDate: Date | string | null;
    candidate: { email: string | null };
    employerOrganization: {
      name: string;
      contactEmail: string | null;
      contactPhone: string | null;
      address: string;
      postalCode?: string | null;
      city: string;
    };
  };
};

function Message({ title, text, empty }: { title: string; text: string | null; empty?: string }) {
  const content = text?.trim();
  if (!content && !empty) return null;
  return (
    <div className="fr-mb-3w">
      <h3 className="fr-h6 fr-mb-1w">{title}</h3>
      {content ? (
        <blockquote className="fr-m-0 fr-pl-2w" style={{ borderLeft: "4px solid var(--border-default-grey)", whiteSpace: "pre-line" }}>
          {content}
        </blockquote>
      ) : (
        <p className="fr-text--sm fr-mb-0">{empty}</p>
      )}
    </div>
  );
}

function EmployerContact({ employer }: { employer: PrescriberAnswerProps["application"]["employerOrganization"] }) {
  const address = [employer.address, [employer.postalCode, employer.city].filter(Boolean).join(" ")]
    .filter((part) => part?.trim())
    .join(", ");
  return (
    <CallOut title="Contactez l'employeur pour en savoir plus" titleAs="h3" bodyAs="div" className="fr-mb-3w">
      <p>
        L&apos;employeur a indiqué le motif {quoted(REFUSAL_REASON_LABELS.OTHER)}. Pour comprendre sa décision ou proposer une autre
        candidature, prenez contact avec {employer.name}&nbsp;:
      </p>
      <ul>
        {employer.contactEmail && (
          <li>
            E-mail&nbsp;: <a href={`mailto:${employer.contactEmail}`}>{employer.contactEmail}</a>
          </li>
        )}
        {employer.contactPhone && (
          <li>
            Téléphone&nbsp;: <a href={`tel:${employer.contactPhone.replace(/[^\d+]/g, "")}`}>{employer.contactPhone}</a>
          </li>
        )}
        {address && <li>Adresse&nbsp;: {address}</li>}
        {!employer.contactEmail && !employer.contactPhone && !address && <li>Cette structure n&apos;a pas renseigné de coordonnées.</li>}
      </ul>
    </CallOut>
  );
}

export function PrescriberAnswer({ application }: PrescriberAnswerProps) {
  const { status, employerOrganization: employer } = application;
  // Without an address the candidate received nothing: the prescriber is the one who tells them (DESIGN §5).
  const reachable = Boolean(application.candidate.email);
  const answerTitle = reachable ? "Message envoyé au candidat" : "Message de l'employeur pour le candidat";
  const noAddress = !reachable && status !== "NEW" && status !== "PROCESSING" && status !== "OBSOLETE" && (
    <p className="fr-text--sm" data-testid="no-candidate-email">
      Le candidat n&apos;a pas donné d&apos;adresse e-mail&nbsp;: il n&apos;a reçu aucun message. Merci de l&apos;informer de cette décision
      {application.answerToCandidate?.trim() && status !== "CANCELLED" ? " et de lui transmettre le message ci-dessous" : ""}.
    </p>
  );

  return (
    <section aria-labelledby="prescriber-answer-title" className="fr-mb-5w">
      <h2 id="prescriber-answer-title" className="fr-h4">
        Réponse de l&apos;employeur
      </h2>

      {(status === "NEW" || status === "PROCESSING") && (
        <p>
          {STATUS_DESCRIPTIONS[status]}. Vous recevrez un e-mail dès qu&apos;il aura pris sa décision
          {status === "PROCESSING" ? " (aucun e-mail n'est envoyé quand la candidature passe à l'étude)" : ""}.
        </p>
      )}

      {status === "OBSOLETE" && <p>{STATUS_DESCRIPTIONS.OBSOLETE}&nbsp;: cette candidature n&apos;est plus en cours.</p>}

      {status === "POSTPONED" && (
        <>
          <p>{STATUS_DESCRIPTIONS.POSTPONED}.</p>
          {noAddress}
          <Message title={answerTitle} text={application.answerToCandidate} />
        </>
      )}

      {(status === "ACCEPTED" || status === "CANCELLED") && (
        <>
          <p>
            {status === "ACCEPTED"
              ? STATUS_DESCRIPTIONS.ACCEPTED
              : "L'employeur avait accepté l'embauche puis l'a annulée\u00a0; le motif figure dans l'historique de la candidature"}
            .
          </p>
          {application.hiringStartDate && (
            <dl className="fr-mb-3w">
              <dt className="fr-text--bold">{status === "ACCEPTED" ? "Début du contrat" : "Début du contrat prévu"}</dt>
              <dd className="fr-ml-0">{formatLongCalendarDate(application.hiringStartDate)}</dd>
              {application.hiringEndDate && (
                <>
                  <dt className="fr-text--bold">Fin du contrat</dt>
                  <dd className="fr-ml-0">{formatLongCalendarDate(application.hiringEndDate)}</dd>
                </>
              )}
            </dl>
          )}
          {noAddress}
          {status === "ACCEPTED" && <Message title={answerTitle} text={application.answerToCandidate} />}
        </>
      )}

      {status === "REFUSED" && (
        <>
          <dl className="fr-mb-3w">
            <dt className="fr-text--bold">Motif du refus</dt>
            <dd className="fr-ml-0">{application.refusalReason ? REFUSAL_REASON_LABELS[application.refusalReason] : "Non précisé"}</dd>
          </dl>
          <p className="fr-text--sm">
            {reachable
              ? "Ce motif vous est réservé\u00a0: il n'est pas communiqué au candidat, qui reçoit uniquement le message ci-dessous."
              : "Ce motif vous est réservé\u00a0: il n'est pas communiqué au candidat."}
          </p>
          {noAddress}
          <Message title={answerTitle} text={application.answerToCandidate} empty="Aucun message." />
          <Message
            title="Message privé de l'employeur"
            text={application.answerToPrescriber}
            empty="L'employeur n'a pas laissé de message privé."
          />
          {application.refusalReason === "OTHER" && <EmployerContact employer={employer} />}
        </>
      )}
    </section>
  );
}
