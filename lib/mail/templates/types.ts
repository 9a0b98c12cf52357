import { AUTO_REFUSAL_REASON, type Recipient, type RefusalReason } from "@/lib/status";

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/**
 * What an e-mail to the candidate may say (DESIGN §6): the employer's answer, never the refusal
 * reason nor the private message to the prescriber. Those fields are not on this type, so a
 * candidate template that reads them does not compile.
 */
export interface CandidateEmailData {
  candidate: { firstName: string; lastName: string };
  employer: {
    name: string;
    city?: string | null;
    contactEmail?: string | null;
    contactPhone?: string | null;
  };
  prescriberOrganization: { name: string };
  senderName: string;
  /**
   * How a candidate with a question reaches the adviser: their work address while they are a member
   * of the sending organisation, else the organisation's contact address, else none (lib/adviser-contact.ts).
   */
  senderEmail: string | null;
  jobTitle?: string | null;
  message?: string | null;
  answerToCandidate?: string | null;
  hiringStartDate?: Date | null;
  hiringEndDate?: Date | null;
  /** "Poste retenu" at hiring (issue 13): the job's label, not a private field. */
  hiredJob?: string | null;
  cancellationReason?: string | null;
  /**
   * Set when the refusal is the automatic one (reason AUTO): the one reason a candidate is told,
   * because it tells them to look elsewhere (issue 10). No other reason can reach this type.
   */
  automaticRefusal?: { afterWait: string } | null;
  url: string;
}

// Everything a template needs, already loaded by the caller: templates do no I/O.
export interface ApplicationEmailData extends CandidateEmailData {
  answerToPrescriber?: string | null;
  refusalReason?: RefusalReason | null;
  /** False when the person gave no address: the prescriber is then the one who tells them (DESIGN §5). */
  candidateHasEmail?: boolean;
}

/** The candidate's copy, without the private fields even at run time (a template that serialises its data leaks nothing). */
export function toCandidateEmailData(data: ApplicationEmailData): CandidateEmailData {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- removed on purpose
  const { refusalReason, answerToPrescriber, automaticRefusal, candidateHasEmail, ...shared } = data;
  return refusalReason === AUTO_REFUSAL_REASON && automaticRefusal ? { ...shared, automaticRefusal } : shared;
}

export type EmailRecipient = Recipient;
