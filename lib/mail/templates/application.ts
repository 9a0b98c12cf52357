import { EVENT_NOTIFICATIONS, type EmailKind, type Recipient } from "@/lib/status";
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
import { ROUTES } from "@/lib/routes";
import { renderEmail, type EmailDraft } from "./layout";
import { refusedToCandidate, refusedToPrescriber } from "./refusal";
import { applicationConfirmation, applicationReceived, applicationSent } from "./sending";
import { toCandidateEmailData, type ApplicationEmailData, type CandidateEmailData, type EmailContent } from "./types";

type Template = (data: ApplicationEmailData) => EmailDraft;
/** The candidate's templates see only CandidateEmailData: no refusal reason, no private message. */
type Templates = { candidate?: (data: CandidateEmailData) => EmailDraft; prescriber?: Template; employerTeam?: Template };

const TEMPLATES: Record<EmailKind, Templates> = {
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
  // A digest of several applications, not one application's e-mail: ./auto-refusal-warning.ts.
  auto_refusal_warning: {},
};

// EVENT_NOTIFICATIONS decides who hears about what; TEMPLATES only says how.
function isNotified(kind: EmailKind, recipient: Recipient): boolean {
  return Object.values(EVENT_NOTIFICATIONS).some((byRecipient) => byRecipient[recipient] === kind);
}

export function renderApplicationEmail(kind: EmailKind, recipient: Recipient, data: ApplicationEmailData): EmailContent {
  // hasOwn: callers may pass unchecked strings read from the outbox.
  const templates = Object.hasOwn(TEMPLATES, kind) && isNotified(kind, recipient) ? TEMPLATES[kind] : undefined;
  const draft = recipient === "candidate" ? templates?.candidate?.(toCandidateEmailData(data)) : templates?.[recipient]?.(data);
  if (!draft) throw new Error(`No email "${kind}" for recipient "${recipient}"`);
  // The status link is built from APP_URL: the privacy page is on the same origin.
  return renderEmail(recipient === "candidate" ? { ...draft, privacyUrl: new URL(ROUTES.privacy, data.url).href } : draft);
}
