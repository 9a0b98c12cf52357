// The employer team's warning, 15 days before the automatic refusal (issue 10): one e-mail per
// member listing every application of the employer that will be declined unless someone answers.
import { EMAIL_KIND_LABELS, REFUSAL_REASON_LABELS } from "@/lib/status";
import { personName } from "@/lib/people";
import { formatFrenchDate } from "./format";
import { quoted } from "@/lib/french";
import { button, facts, paragraph, renderEmail, type Block } from "./layout";
import type { EmailContent } from "./types";

export interface AutoRefusalWarningData {
  employer: { name: string };
  /** "2 mois": the wait without a status change after which the system declines. */
  wait: string;
  applications: {
    candidate: { firstName: string; lastName: string };
    prescriberOrganization: string;
    jobTitle?: string | null;
    sentAt: Date;
    /** The day (UTC midnight, as formatFrenchDate reads it) from which the daily job declines it. */
    refusalDay: Date;
    url: string;
  }[];
  /** The list of the applications to process. */
  listUrl: string;
}

export function renderAutoRefusalWarning(data: AutoRefusalWarningData): EmailContent {
  const count = data.applications.length;
  const plural = count > 1;
  const items: Block[] = data.applications.flatMap((application) => [
    facts(
      { label: "Candidat", value: personName(application.candidate) },
      application.jobTitle?.trim() ? { label: "Poste", value: application.jobTitle.trim() } : null,
      { label: "Envoyée par", value: application.prescriberOrganization },
      { label: "Reçue le", value: formatFrenchDate(application.sentAt) },
      { label: "Déclinée automatiquement le", value: formatFrenchDate(application.refusalDay) },
    )!,
    paragraph(`Voir la candidature\u00a0: ${application.url}`),
  ]);
  return renderEmail({
    subject: plural
      ? `${count} candidatures bientôt déclinées automatiquement (${data.employer.name})`
      : `1 candidature bientôt déclinée automatiquement (${data.employer.name})`,
    heading: EMAIL_KIND_LABELS.auto_refusal_warning,
    greeting: "Bonjour,",
    intro: plural
      ? `${count} candidatures reçues par ${data.employer.name} sont sans réponse depuis bientôt ${data.wait}. ` +
        "Sans réponse de votre équipe, elles seront déclinées automatiquement aux dates indiquées."
      : `Une candidature reçue par ${data.employer.name} est sans réponse depuis bientôt ${data.wait}. ` +
        "Sans réponse de votre équipe, elle sera déclinée automatiquement à la date indiquée.",
    blocks: [
      ...items,
      paragraph(
        "Pour l'éviter, donnez une suite à chacune\u00a0: la mettre à l'étude, l'accepter, reporter l'embauche ou la décliner. " +
          `Tout changement de statut relance le délai de ${data.wait}.`,
      ),
      paragraph(
        `Sinon, le motif ${quoted(REFUSAL_REASON_LABELS.AUTO)} est envoyé au prescripteur et au candidat, ` +
          "invité à postuler auprès d'autres employeurs. Vous ne recevrez pas d'autre rappel pour ces candidatures.",
      ),
      button("Voir les candidatures à traiter", data.listUrl),
    ],
  });
}
