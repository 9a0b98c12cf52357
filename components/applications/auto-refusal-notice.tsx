import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { formatLongCalendarDate } from "@/components/applications/format";

/**
 * The warning e-mail's news, on the page where the team decides (issue 10: the team is warned
 * 15 days ahead): without an answer, the daily job declines the application that day. The
 * prescriber sees it too, to nudge the employer or look elsewhere in time.
 */
export function AutoRefusalNotice({ day, wait, isEmployer }: { day: Date; wait: string; isEmployer: boolean }) {
  const declined = `cette candidature sera déclinée automatiquement le ${formatLongCalendarDate(day)}`;
  return (
    <div className="fr-mb-4w" data-testid="auto-refusal-notice">
      <Alert
        severity="warning"
        small
        description={
          isEmployer
            ? `Sans réponse de votre équipe, ${declined}. Tout changement de statut relance le délai de ${wait}.`
            : `Sans réponse de l'employeur, ${declined}.`
        }
      />
    </div>
  );
}
