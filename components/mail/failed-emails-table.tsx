"use client";
import { useActionState, useEffect, useRef } from "react";
import Link from "@/components/link";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { retryFailedEmailAction } from "@/lib/mail/failed-emails-actions";
import type { RetryFailedEmailActionState } from "@/lib/mail/failed-emails-actions";
import { applicationPath } from "@/lib/routes";

/** One row as the page prepared it: dates and labels already formatted on the server. */
export interface FailedEmailRow {
  id: string;
  to: string;
  subject: string;
  kindLabel: string;
  createdAtIso: string;
  createdAtLabel: string;
  attempts: number;
  error: string;
  /** The error in French, for the admin (lib/mail/delivery-policy.ts explainDeliveryError). */
  explanation: string | null;
  applicationId: string | null;
  /** The retention job emptied its body: nothing left to send again. */
  purged: boolean;
}

/**
 * "E-mails non remis": one form per row posts the id; the feedback sits above the table because a
 * row queued again leaves the list, and takes the focus so a keyboard user is not left on nothing.
 */
export function FailedEmailsTable({ rows }: { rows: FailedEmailRow[] }) {
  const [state, action, pending] = useActionState<RetryFailedEmailActionState, FormData>(retryFailedEmailAction, null);
  const feedback = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state) feedback.current?.focus();
  }, [state]);

  return (
    <>
      <div ref={feedback} tabIndex={-1} aria-live="polite" role="status">
        {state?.ok && (
          <Alert
            key={state.at}
            severity="success"
            small
            className="fr-mb-3w"
            description="L'e-mail a été remis en file d'envoi&nbsp;: il part dans un instant. S'il échoue encore, il reviendra dans cette liste."
          />
        )}
        {state?.ok === false && <Alert severity="error" small className="fr-mb-3w" description={state.error} />}
      </div>
      {rows.length === 0 ? (
        <p>Aucun e-mail non remis.</p>
      ) : (
        <Table
          caption="E-mails non remis, les plus récents d'abord"
          headers={["Destinataire", "Objet", "Date", "Tentatives", "Erreur", "Actions"]}
          data={rows.map((row) => [
            <span key="to" className="fr-text--sm">
              {row.to}
            </span>,
            <span key="subject">
              {row.subject}
              <span className="fr-hint-text">{row.kindLabel}</span>
            </span>,
            <time key="date" dateTime={row.createdAtIso}>
              {row.createdAtLabel}
            </time>,
            row.attempts,
            <span key="error">
              {row.explanation && <span className="fr-text--sm">{row.explanation}</span>}
              {/* The provider's own words, for whoever the admin calls for help. */}
              <code className="fr-hint-text">{row.error}</code>
            </span>,
            <div key="actions">
              {row.purged ? (
                <p className="fr-text--xs fr-mb-0">Contenu effacé (plus de 90 jours)&nbsp;: ne peut plus être renvoyé.</p>
              ) : (
                <form action={action}>
                  <input type="hidden" name="id" value={row.id} />
                  <Button type="submit" size="small" priority="secondary" disabled={pending}>
                    Renvoyer<span className="fr-sr-only"> l&apos;e-mail à {row.to}</span>
                  </Button>
                </form>
              )}
              {row.applicationId && (
                <Link className="fr-link fr-text--sm fr-mt-1w" href={applicationPath(row.applicationId)}>
                  Voir la candidature<span className="fr-sr-only"> concernée par l&apos;e-mail à {row.to}</span>
                </Link>
              )}
            </div>,
          ])}
        />
      )}
    </>
  );
}
