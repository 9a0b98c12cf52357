import type { CandidateEmailData } from "./types";
import { personName } from "@/lib/people";
import { quoted } from "@/lib/french";

export function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

// Trimmed, with Unix line breaks; null when there is nothing to show.
export function cleanMessage(value: string | null | undefined): string | null {
  const text = value?.replace(/\r\n?/g, "\n").trim();
  return text ? text : null;
}

const DATE_FORMAT = new Intl.DateTimeFormat("fr-FR", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  // Hiring dates are @db.Date values stored at UTC midnight.
  timeZone: "UTC",
});

// "lundi 7 décembre 2026", "mardi 1er décembre 2026".
export function formatFrenchDate(date: Date): string {
  return DATE_FORMAT.formatToParts(date)
    .map((part) => (part.type === "day" && part.value === "1" ? "1er" : part.value))
    .join("");
}

export function candidateName(data: CandidateEmailData): string {
  return personName(data.candidate);
}

// The employer with its city when known: "La Recyclerie du Nord (Lille)".
export function employerLabel(data: CandidateEmailData): string {
  const city = data.employer.city?.trim();
  return city ? `${data.employer.name} (${city})` : data.employer.name;
}

// "Prénom Nom (France Travail Paris 18e)".
export function senderLabel(data: CandidateEmailData): string {
  return `${data.senderName} (${data.prescriberOrganization.name})`;
}

/** The candidate's way back to the adviser who sent the application, the person they know, in every e-mail they get. */
export function askYourAdviser(data: CandidateEmailData): string {
  return data.senderEmail
    ? `Pour toute question, vous pouvez écrire à ${senderLabel(data)}\u00a0: ${data.senderEmail}.`
    : `Pour toute question, vous pouvez contacter ${senderLabel(data)}.`;
}

/** " : address" after a sentence that names the adviser, when there is an address to give. */
export function adviserAddress(data: CandidateEmailData): string {
  return data.senderEmail ? `\u00a0: ${data.senderEmail}` : "";
}

export function jobSuffix(data: CandidateEmailData): string {
  const job = data.jobTitle?.trim();
  return job ? ` pour le poste ${quoted(job)}` : "";
}
