// The employer's decisions (postpone, accept, cancel) and the "hired elsewhere" cascade.
import { STATUS_LABELS } from "@/lib/status";
import { askYourAdviser, candidateName, cleanMessage, employerLabel, formatFrenchDate, senderLabel } from "./format";
import { button, facts, paragraph, quote, type Block, type EmailDraft, type Fact } from "./layout";
import { CANDIDATE_LINK_LABEL, PRO_LINK_LABEL } from "./sending";
import type { ApplicationEmailData, CandidateEmailData } from "./types";
import { ofName, quoted, toName } from "@/lib/french";

function hiringDates(data: CandidateEmailData): (Fact | null)[] {
  return [
    data.hiredJob ? { label: "Poste retenu", value: data.hiredJob } : null,
    data.hiringStartDate ? { label: "Début du contrat", value: formatFrenchDate(data.hiringStartDate) } : null,
    data.hiringEndDate ? { label: "Fin du contrat", value: formatFrenchDate(data.hiringEndDate) } : null,
  ];
}

const candidateGreeting = (data: CandidateEmailData) => `Bonjour ${candidateName(data)},`;

/**
 * The candidate's side of a decision, as the prescriber reads it: the answer the candidate was
 * sent or, when they gave no address, the news the prescriber has to pass on (DESIGN §5).
 */
export function candidateAnswerForPrescriber(data: ApplicationEmailData): (Block | null)[] {
  const answer = cleanMessage(data.answerToCandidate);
  if (data.candidateHasEmail !== false) return [quote("Réponse envoyée au candidat", answer)];
  return [passItOn(data, answer !== null), quote("Réponse de l'employeur au candidat", answer)];
}

/** To the prescriber of a candidate without an e-mail address: nobody else will tell them. */
function passItOn(data: ApplicationEmailData, withAnswer: boolean): Block {
  return paragraph(
    `${candidateName(data)} n'a pas donné d'adresse e-mail\u00a0: aucun message ne lui a été envoyé. ` +
      `Merci de l'informer de cette décision${withAnswer ? " et de lui transmettre la réponse de l'employeur ci-dessous" : ""}.`,
  );
}

// Subject for the prescriber: "Candidature acceptée : Awa Diallo (La Recyclerie du Nord)".
const prescriberSubject = (status: string, data: ApplicationEmailData) => `${status}\u00a0: ${candidateName(data)} (${data.employer.name})`;

export function postponedToCandidate(data: CandidateEmailData): EmailDraft {
  return {
    subject: `Réponse ${ofName(data.employer.name)} à votre candidature`,
    heading: STATUS_LABELS.POSTPONED,
    greeting: candidateGreeting(data),
    intro: `${employerLabel(data)} a étudié votre candidature et vous répondra plus tard. ` + "L'embauche n'est pas garantie.",
    blocks: [
      facts({ label: "Statut", value: STATUS_LABELS.POSTPONED }),
      quote("Message de l'employeur", cleanMessage(data.answerToCandidate)),
      paragraph(askYourAdviser(data)),
      button(CANDIDATE_LINK_LABEL, data.url),
    ],
  };
}

export function postponedToPrescriber(data: ApplicationEmailData): EmailDraft {
  const name = candidateName(data);
  return {
    subject: prescriberSubject(STATUS_LABELS.POSTPONED, data),
    heading: STATUS_LABELS.POSTPONED,
    greeting: "Bonjour,",
    intro:
      `${employerLabel(data)} a passé la candidature ${ofName(name)} au statut ` +
      `${quoted(STATUS_LABELS.POSTPONED)}\u00a0: la réponse est différée et l'embauche n'est pas garantie.`,
    blocks: [
      facts(
        { label: "Candidat", value: name },
        { label: "Employeur", value: employerLabel(data) },
        { label: "Envoyée par", value: senderLabel(data) },
        { label: "Statut", value: STATUS_LABELS.POSTPONED },
      ),
      ...candidateAnswerForPrescriber(data),
      button(PRO_LINK_LABEL, data.url),
    ],
  };
}

export function acceptedToCandidate(data: CandidateEmailData): EmailDraft {
  return {
    subject: `${data.employer.name} a accepté votre candidature`,
    heading: STATUS_LABELS.ACCEPTED,
    greeting: candidateGreeting(data),
    intro: `Bonne nouvelle\u00a0: ${employerLabel(data)} a accepté votre candidature.`,
    blocks: [
      facts({ label: "Statut", value: STATUS_LABELS.ACCEPTED }, ...hiringDates(data)),
      quote("Message de l'employeur", cleanMessage(data.answerToCandidate)),
      paragraph(askYourAdviser(data)),
      button(CANDIDATE_LINK_LABEL, data.url),
    ],
  };
}

export function acceptedToPrescriber(data: ApplicationEmailData): EmailDraft {
  const name = candidateName(data);
  return {
    subject: prescriberSubject(STATUS_LABELS.ACCEPTED, data),
    heading: STATUS_LABELS.ACCEPTED,
    greeting: "Bonjour,",
    intro: `${employerLabel(data)} a accepté la candidature ${ofName(name)}.`,
    blocks: [
      facts(
        { label: "Candidat", value: name },
        { label: "Employeur", value: employerLabel(data) },
        { label: "Envoyée par", value: senderLabel(data) },
        { label: "Statut", value: STATUS_LABELS.ACCEPTED },
        ...hiringDates(data),
      ),
      ...candidateAnswerForPrescriber(data),
      button(PRO_LINK_LABEL, data.url),
    ],
  };
}

export function cancelledToCandidate(data: CandidateEmailData): EmailDraft {
  return {
    subject: `Embauche annulée par ${data.employer.name}`,
    heading: STATUS_LABELS.CANCELLED,
    greeting: candidateGreeting(data),
    intro: `${employerLabel(data)} avait accepté votre candidature, mais a finalement annulé l'embauche.`,
    blocks: [
      facts({ label: "Statut", value: STATUS_LABELS.CANCELLED }),
      paragraph(askYourAdviser(data)),
      button(CANDIDATE_LINK_LABEL, data.url),
    ],
  };
}

export function cancelledToPrescriber(data: ApplicationEmailData): EmailDraft {
  const name = candidateName(data);
  return {
    subject: prescriberSubject(STATUS_LABELS.CANCELLED, data),
    heading: STATUS_LABELS.CANCELLED,
    greeting: "Bonjour,",
    intro: `${employerLabel(data)} avait accepté la candidature ${ofName(name)}, mais a finalement annulé l'embauche.`,
    blocks: [
      facts(
        { label: "Candidat", value: name },
        { label: "Employeur", value: employerLabel(data) },
        { label: "Envoyée par", value: senderLabel(data) },
        { label: "Statut", value: STATUS_LABELS.CANCELLED },
      ),
      quote("Motif de l'annulation", cleanMessage(data.cancellationReason)),
      // No answer goes with a cancellation: only the news, when nobody else can tell the candidate.
      data.candidateHasEmail === false ? passItOn(data, false) : null,
      button(PRO_LINK_LABEL, data.url),
    ],
  };
}

// Never names the hiring employer: it belongs to another organisation's data.
export function hiredElsewhereToPrescriber(data: ApplicationEmailData): EmailDraft {
  const name = candidateName(data);
  return {
    subject: prescriberSubject(STATUS_LABELS.OBSOLETE, data),
    heading: "Candidat embauché ailleurs",
    greeting: "Bonjour,",
    intro:
      `Un autre employeur a recruté ${name}. Sa candidature auprès ${ofName(employerLabel(data))} ` +
      `passe donc au statut ${quoted(STATUS_LABELS.OBSOLETE)}.`,
    blocks: [
      facts(
        { label: "Candidat", value: name },
        { label: "Employeur", value: employerLabel(data) },
        { label: "Envoyée par", value: senderLabel(data) },
        { label: "Statut", value: STATUS_LABELS.OBSOLETE },
      ),
      button(PRO_LINK_LABEL, data.url),
    ],
  };
}

export function hiredElsewhereToEmployerTeam(data: ApplicationEmailData): EmailDraft {
  const name = candidateName(data);
  return {
    subject: `Candidat embauché ailleurs\u00a0: ${name}`,
    heading: "Candidat embauché ailleurs",
    greeting: "Bonjour,",
    intro:
      `Un autre employeur a recruté ${name}. Sa candidature, envoyée ${toName(data.employer.name)} ` +
      `par ${data.prescriberOrganization.name}, passe au statut ` +
      `${quoted(STATUS_LABELS.OBSOLETE)}\u00a0: elle est clôturée, aucune action n'est attendue de votre part.`,
    blocks: [
      facts(
        { label: "Candidat", value: name },
        { label: "Prescripteur", value: senderLabel(data) },
        { label: "Statut", value: STATUS_LABELS.OBSOLETE },
      ),
      paragraph(
        "Si vous souhaitez tout de même embaucher cette personne (par exemple à temps partiel), " +
          "vous pouvez encore accepter sa candidature.",
      ),
      button(PRO_LINK_LABEL, data.url),
    ],
  };
}
