import type { Recipient, RefusalReason } from "@/lib/status";

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

// Everything a template needs, already loaded by the caller: templates do no I/O.
export interface ApplicationEmailData {
  candidate: { firstName: string; lastName: string };
  employer: {
    name: string;
    city?: string | null;
    contactEmail?: string | null;
    contactPhone?: string | null;
  };
  prescriberOrganization: { name: string };
  senderName: string;
  jobTitle?: string | null;
  message?: string | null;
  answerToCandidate?: string | null;
  answerToPrescriber?: string | null;
  refusalReason?: RefusalReason | null;
  hiringStartDate?: Date | null;
  hiringEndDate?: Date | null;
  cancellationReason?: string | null;
  url: string;
}

export type EmailRecipient = Recipient;
