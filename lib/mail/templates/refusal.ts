// Refusal: the prescriber gets the reason and the private message; the candidate gets
// only the answer message (FAQ: the reason "n'est pas communiqué au candidat").
import { AUTO_REFUSAL_REASON, REFUSAL_REASON_LABELS, STATUS_LABELS } from "@/lib/status";
import { adviserAddress, candidateName, cleanMessage, employerLabel, senderLabel } from "./format";
import { button, facts, paragraph, quote, type EmailDraft } from "./layout";
import { CANDIDATE_LINK_LABEL, PRO_LINK_LABEL } from "./sending";
import { candidateAnswerForPrescriber } from "./decisions";
import type { ApplicationEmailData, CandidateEmailData } from "./types";
import { ofName } from "@/lib/french";

// Reads nothing but the names, the answer message and the url: no field here may leak the reason,
// except the automatic refusal's own field, the one reason a candidate is told (issue 10).
export function refusedToCandidate(data: CandidateEmailData): EmailDraft {
  if (data.automaticRefusal) {
    return {
      subject: `Votre candidature auprès ${ofName(data.employer.name)} est déclinée automatiquement`,
      heading: STATUS_LABELS.REFUSED,
      greeting: `Bonjour ${candidateName(data)},`,
      intro:
        `${employerLabel(data)} n'a pas répondu à votre candidature dans un délai de ${data.automaticRefusal.afterWait}\u00a0: ` +
        "elle a donc été déclinée automatiquement.",
      blocks: [
        facts({ label: "Statut", value: STATUS_LABELS.REFUSED }, { label: "Motif", value: REFUSAL_REASON_LABELS.AUTO }),
        quote("Message", cleanMessage(data.answerToCandidate)),
        paragraph(
          "Ne vous découragez pas\u00a0: nous vous encourageons à postuler auprès d'autres employeurs. " +
            `${data.senderName}, ${ofName(data.prescriberOrganization.name)}, peut vous y aider${adviserAddress(data)}.`,
        ),
        button(CANDIDATE_LINK_LABEL, data.url),
      ],
    };
  }
  return {
    subject: `Réponse ${ofName(data.employer.name)} à votre candidature`,
    heading: STATUS_LABELS.REFUSED,
    greeting: `Bonjour ${candidateName(data)},`,
    intro: `${employerLabel(data)} a étudié votre candidature et ne peut pas y donner suite.`,
    blocks: [
      quote("Message de l'employeur", cleanMessage(data.answerToCandidate)),
      paragraph(
        `${data.senderName}, ${ofName(data.prescriberOrganization.name)}, ` +
          `peut vous aider à préparer vos prochaines candidatures${adviserAddress(data)}.`,
      ),
      button(CANDIDATE_LINK_LABEL, data.url),
    ],
  };
}

export function refusedToPrescriber(data: ApplicationEmailData): EmailDraft {
  const name = candidateName(data);
  const reason = data.refusalReason ?? null;
  const { contactEmail, contactPhone } = data.employer;
  const email = contactEmail?.trim();
  const phone = contactPhone?.trim();
  const automatic = reason === AUTO_REFUSAL_REASON;
  return {
    subject: `${STATUS_LABELS.REFUSED}\u00a0: ${name} (${data.employer.name})`,
    heading: STATUS_LABELS.REFUSED,
    greeting: "Bonjour,",
    intro: automatic
      ? `${employerLabel(data)} n'a pas répondu à la candidature ${ofName(name)}` +
        `${data.automaticRefusal ? ` dans un délai de ${data.automaticRefusal.afterWait}` : ""}\u00a0: elle a été déclinée automatiquement.`
      : `${employerLabel(data)} a décliné la candidature ${ofName(name)}.`,
    blocks: [
      facts(
        { label: "Candidat", value: name },
        { label: "Employeur", value: employerLabel(data) },
        { label: "Envoyée par", value: senderLabel(data) },
        { label: "Statut", value: STATUS_LABELS.REFUSED },
        reason && { label: "Motif de refus", value: REFUSAL_REASON_LABELS[reason] },
      ),
      reason &&
        paragraph(
          !automatic
            ? "Ce motif n'est pas communiqué au candidat."
            : data.candidateHasEmail === false
              ? "Ce motif peut être communiqué au candidat, pour l'inviter à postuler auprès d'autres employeurs."
              : "Ce motif est communiqué au candidat, invité à postuler auprès d'autres employeurs.",
        ),
      reason === "OTHER" &&
        paragraph(
          email || phone
            ? "Pour en savoir plus, n'hésitez pas à contacter l'employeur\u00a0:"
            : "Pour en savoir plus, n'hésitez pas à contacter l'employeur\u00a0: " + "ses coordonnées figurent sur la candidature.",
        ),
      reason === "OTHER" &&
        facts(email ? { label: "E-mail", value: email, email: true } : null, phone ? { label: "Téléphone", value: phone } : null),
      ...candidateAnswerForPrescriber(data),
      quote("Message privé de l'employeur (non transmis au candidat)", cleanMessage(data.answerToPrescriber)),
      button(PRO_LINK_LABEL, data.url),
    ],
  };
}
