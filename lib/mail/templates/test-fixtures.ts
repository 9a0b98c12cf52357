// Shared data for templates.test.ts: one realistic application and every notified pair.
import { EMAIL_KIND_LABELS, EVENT_NOTIFICATIONS, type EmailKind } from "@/lib/status";
import { escapeHtml } from "./format";
import type { ApplicationEmailData, EmailContent, EmailRecipient } from "./types";

export const URL_PRO = "https://suivi.example.test/applications/app_123";

export const base: ApplicationEmailData = {
  candidate: { firstName: "Awa", lastName: "Diallo" },
  employer: {
    name: "La Recyclerie du Nord",
    city: "Lille",
    contactEmail: "contact@recyclerie.test",
    contactPhone: "03 20 00 00 00",
  },
  prescriberOrganization: { name: "France Travail Paris 18e" },
  senderName: "Claire Martin",
  senderEmail: "claire.martin@francetravail.test",
  jobTitle: "Agent de tri",
  message: "Awa est motivée.\nDisponible dès lundi.",
  answerToCandidate: "Merci pour votre candidature.",
  answerToPrescriber: "Profil intéressant, à recontacter en septembre.",
  refusalReason: "NOT_MOBILE",
  hiringStartDate: new Date("2026-12-07T00:00:00.000Z"),
  hiringEndDate: new Date("2027-06-30T00:00:00.000Z"),
  cancellationReason: "La candidate ne s'est pas présentée le premier jour.",
  url: URL_PRO,
};

export const PAIRS = Object.entries(EVENT_NOTIFICATIONS).flatMap(([event, byRecipient]) =>
  Object.entries(byRecipient).map(([recipient, kind]) => ({
    event,
    recipient: recipient as EmailRecipient,
    kind: kind as EmailKind,
  })),
);
export const KINDS = Object.keys(EMAIL_KIND_LABELS) as EmailKind[];
export const RECIPIENTS: EmailRecipient[] = ["candidate", "prescriber", "employerTeam"];
export const HTML_TAG = /<\/?[a-z][^>]*>/i;

// Every way a value can appear: raw (subject, text) and escaped (html).
export function contains(email: EmailContent, value: string) {
  return {
    subject: email.subject.includes(value),
    text: email.text.includes(value),
    html: email.html.includes(escapeHtml(value)),
  };
}
export const nowhere = { subject: false, text: false, html: false };
