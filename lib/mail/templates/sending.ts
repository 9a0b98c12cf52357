// The three emails of "application sent": employer team, sending prescriber, candidate.
import { STATUS_LABELS, TRANSITIONS } from "@/lib/status";
import { askYourAdviser, candidateName, cleanMessage, employerLabel, jobSuffix, senderLabel } from "./format";
import { button, facts, paragraph, quote, type EmailDraft } from "./layout";
import type { ApplicationEmailData, CandidateEmailData } from "./types";
import { ofName, quoted, toName } from "@/lib/french";

export const PRO_LINK_LABEL = "Voir la candidature";
export const CANDIDATE_LINK_LABEL = "Suivre mes candidatures";

function jobFact(data: CandidateEmailData) {
  const job = data.jobTitle?.trim();
  return job ? { label: "Poste", value: job } : null;
}

export function applicationReceived(data: ApplicationEmailData): EmailDraft {
  const name = candidateName(data);
  return {
    subject: `Nouvelle candidature ${ofName(name)}`,
    heading: STATUS_LABELS.NEW,
    greeting: "Bonjour,",
    intro:
      `${data.senderName}, ${ofName(data.prescriberOrganization.name)}, a envoyé ` +
      `${toName(data.employer.name)} la candidature ${ofName(name)}${jobSuffix(data)}.`,
    blocks: [
      facts({ label: "Candidat", value: name }, jobFact(data), { label: "Prescripteur", value: senderLabel(data) }),
      quote("Message du prescripteur", cleanMessage(data.message)),
      paragraph(
        `Pour l'étudier, ouvrez la candidature et cliquez sur ${quoted(TRANSITIONS.process.buttonLabel ?? "")}\u00a0: ` +
          "vos collègues verront que vous la prenez en charge.",
      ),
      button(PRO_LINK_LABEL, data.url),
    ],
  };
}

export function applicationSent(data: ApplicationEmailData): EmailDraft {
  const name = candidateName(data);
  return {
    subject: `Candidature ${ofName(name)} envoyée ${toName(data.employer.name)}`,
    heading: "Candidature envoyée",
    greeting: "Bonjour,",
    intro: `La candidature ${ofName(name)} a bien été envoyée ${toName(employerLabel(data))}${jobSuffix(data)}.`,
    blocks: [
      facts(
        { label: "Candidat", value: name },
        { label: "Employeur", value: employerLabel(data) },
        jobFact(data),
        { label: "Envoyée par", value: senderLabel(data) },
        { label: "Statut", value: STATUS_LABELS.NEW },
      ),
      quote("Votre message à l'employeur", cleanMessage(data.message)),
      paragraph(
        "Vous recevrez un e-mail à chaque décision de l'employeur. " +
          `Toute votre organisation peut suivre cette candidature dans ${quoted("Suivi des candidatures")}.`,
      ),
      button(PRO_LINK_LABEL, data.url),
    ],
  };
}

export function applicationConfirmation(data: CandidateEmailData): EmailDraft {
  return {
    subject: `Votre candidature a été envoyée ${toName(data.employer.name)}`,
    heading: "Votre candidature a été envoyée",
    greeting: `Bonjour ${candidateName(data)},`,
    intro:
      `${data.senderName}, ${ofName(data.prescriberOrganization.name)}, a envoyé votre candidature ` +
      `${toName(employerLabel(data))}${jobSuffix(data)}.`,
    blocks: [
      paragraph(
        "L'employeur va l'étudier. Vous recevrez un e-mail à chaque étape, " +
          "et vous pouvez suivre vos candidatures à tout moment avec le lien ci-dessous.",
      ),
      button(CANDIDATE_LINK_LABEL, data.url),
      paragraph("Ce lien vous est personnel\u00a0: ne le partagez pas."),
      paragraph(askYourAdviser(data)),
    ],
  };
}
