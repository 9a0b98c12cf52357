import { EVENT_NOTIFICATIONS, type EmailKind } from "@/lib/status";
import {
  acceptedToCandidate,
  acceptedToPrescriber,
  cancelledToCandidate,
  cancelledToPrescriber,
  hiredElsewhereToEmployerTeam,
  hiredElsewhereToPrescriber,
  postponedToCandidate,
  postponedToPrescriber,
} from "./decisions";
import { renderEmail, type EmailDraft } from "./layout";
import { refusedToCandidate, refusedToPrescriber } from "./refusal";
import { applicationConfirmation, applicationReceived, applicationSent } from "./sending";
import type { ApplicationEmailData, EmailContent, EmailRecipient } from "./types";

type Template = (data: ApplicationEmailData) => EmailDraft;

const TEMPLATES: Record<EmailKind, Partial<Record<EmailRecipient, Template>>> = {
  application_received: { employerTeam: applicationReceived },
  application_sent: { prescriber: applicationSent },
  application_confirmation: { candidate: applicationConfirmation },
  application_postponed: { candidate: postponedToCandidate, prescriber: postponedToPrescriber },
  application_accepted: { candidate: acceptedToCandidate, prescriber: acceptedToPrescriber },
  application_refused: { candidate: refusedToCandidate, prescriber: refusedToPrescriber },
  hire_cancelled: { candidate: cancelledToCandidate, prescriber: cancelledToPrescriber },
  hired_elsewhere: {
    prescriber: hiredElsewhereToPrescriber,
    employerTeam: hiredElsewhereToEmployerTeam,
  },
};

// EVENT_NOTIFICATIONS decides who hears about what; TEMPLATES only says how.
function isNotified(kind: EmailKind, recipient: EmailRecipient): boolean {
  return Object.values(EVENT_NOTIFICATIONS).some((byRecipient) => byRecipient[recipient] === kind);
}

export function renderApplicationEmail(
  kind: EmailKind,
  recipient: EmailRecipient,
  data: ApplicationEmailData,
): EmailContent {
  // hasOwn: callers may pass unchecked strings read from the outbox.
  const template =
    Object.hasOwn(TEMPLATES, kind) && isNotified(kind, recipient)
      ? TEMPLATES[kind][recipient]
      : undefined;
  if (!template) throw new Error(`No email "${kind}" for recipient "${recipient}"`);
  return renderEmail(template(data));
}
