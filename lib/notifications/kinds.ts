// Which kinds of email each side of the platform receives, read from the notification table
// of lib/status.ts so that "Mes notifications" always lists exactly what may be sent. Client-safe.
import { DIGEST_NOTIFICATIONS, EMAIL_KIND_LABELS, EVENT_NOTIFICATIONS, type EmailKind, type Recipient } from "@/lib/status";

export type OrganizationKind = "PRESCRIBER" | "EMPLOYER";

export const EMAIL_KINDS = Object.keys(EMAIL_KIND_LABELS) as EmailKind[];

const RECIPIENT_OF: Record<OrganizationKind, "prescriber" | "employerTeam"> = { PRESCRIBER: "prescriber", EMPLOYER: "employerTeam" };

/** The kinds a professional of these organisation kinds may receive, in EMAIL_KIND_LABELS order. */
export function emailKindsFor(organizationKinds: readonly OrganizationKind[]): EmailKind[] {
  const received = new Set<EmailKind>();
  for (const kind of organizationKinds) {
    const tables: Partial<Record<Recipient, EmailKind>>[] = [...Object.values(EVENT_NOTIFICATIONS), ...Object.values(DIGEST_NOTIFICATIONS)];
    for (const byRecipient of tables) {
      const emailKind = byRecipient[RECIPIENT_OF[kind]];
      if (emailKind) received.add(emailKind);
    }
  }
  return EMAIL_KINDS.filter((kind) => received.has(kind));
}

// One line under each switch: when that email is sent.
export const EMAIL_KIND_HINTS: Record<EmailKind, string> = {
  application_received: "Quand un prescripteur envoie une candidature à votre structure.",
  application_sent: "Quand vous envoyez une candidature\u00a0: le récapitulatif de ce qui a été envoyé.",
  application_confirmation: "Envoyé au candidat uniquement.",
  application_postponed: "Quand l'employeur diffère sa réponse à une candidature que vous avez envoyée.",
  application_accepted: "Quand l'employeur accepte une candidature que vous avez envoyée, avec les dates d'embauche.",
  application_refused: "Quand l'employeur décline une candidature que vous avez envoyée, avec le motif du refus.",
  hire_cancelled: "Quand l'employeur annule une embauche qu'il avait acceptée.",
  hired_elsewhere: "Quand un candidat est embauché par une autre structure et que sa candidature est clôturée.",
  auto_refusal_warning:
    "15 jours avant qu'une candidature restée sans réponse soit déclinée automatiquement\u00a0: la liste de celles qui le seront.",
};
