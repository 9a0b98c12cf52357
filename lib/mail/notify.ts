import "server-only";
import type { TransactionClient } from "@/lib/db";
import { createCandidateLink } from "@/lib/candidate-links";
import { enqueueEmails, type OutboxEntry } from "@/lib/mail/outbox";
import { renderApplicationEmail, type ApplicationEmailData } from "@/lib/mail/templates";
import { AUTO_REFUSAL_REASON, EVENT_NOTIFICATIONS, formatWait, type EmailKind, type EventName } from "@/lib/status";
import { env } from "@/lib/env";
import { adviserContactEmail, personName } from "@/lib/people";
import { appliedForLabel, jobLabel } from "@/lib/job-descriptions/vocabulary";

export interface NotifyInput {
  event: EventName;
  applicationId: string;
  /** Absolute base of the links (lib/url.ts getBaseUrl()). */
  baseUrl: string;
  /** What the event carried that the application row does not keep. */
  cancellationReason?: string | null;
}

/**
 * Writes the emails of DESIGN §5 for one event into the outbox, inside the caller's
 * transaction. Professionals who switched this kind of email off ("Mes notifications") are
 * skipped; a candidate without an email gets nothing. Returns the outbox ids.
 */
export async function notifyApplicationEvent(tx: TransactionClient, input: NotifyInput): Promise<string[]> {
  const recipients = EVENT_NOTIFICATIONS[input.event];
  if (Object.keys(recipients).length === 0) return [];

  const application = await tx.jobApplication.findUniqueOrThrow({
    where: { id: input.applicationId },
    include: {
      candidate: { select: { email: true } },
      // Everyone reads the sender's record of the person: the prescriber its own, the employer
      // what it was sent, the candidate what their adviser wrote.
      candidateProfile: { select: { firstName: true, lastName: true } },
      jobs: { select: { jobDescription: { select: { title: true, contractType: true, city: true } } } },
      hiredJob: { select: { title: true, contractType: true, city: true } },
      senderUser: true,
      senderOrganization: true,
      employerOrganization: {
        include: { memberships: { where: { isActive: true }, include: { user: true }, orderBy: { createdAt: "asc" } } },
      },
    },
  });
  // Whether the adviser who sent it still belongs to the sending organisation: who hears on the
  // prescriber side, and which address the candidate is given.
  const senderIsMember =
    (
      await tx.membership.findUnique({
        where: { userId_organizationId: { userId: application.senderUserId, organizationId: application.senderOrganizationId } },
        select: { isActive: true },
      })
    )?.isActive ?? false;
  const professionalUrl = `${input.baseUrl}/applications/${application.id}`;
  const data: Omit<ApplicationEmailData, "url"> = {
    candidate: application.candidateProfile,
    employer: application.employerOrganization,
    prescriberOrganization: application.senderOrganization,
    senderName: personName(application.senderUser) || application.senderUser.email,
    senderEmail: adviserContactEmail({
      isMember: senderIsMember,
      email: application.senderUser.email,
      organizationContactEmail: application.senderOrganization.contactEmail,
    }),
    // The jobs applied for (issue 13), or the free-text job of a spontaneous application.
    jobTitle: application.jobs.length ? appliedForLabel(application) : application.jobTitle,
    message: application.message,
    answerToCandidate: application.answerToCandidate,
    answerToPrescriber: application.answerToPrescriber,
    candidateHasEmail: Boolean(application.candidate.email),
    refusalReason: application.refusalReason,
    hiringStartDate: application.hiringStartDate,
    hiringEndDate: application.hiringEndDate,
    hiredJob: application.hiredJob ? jobLabel(application.hiredJob) : null,
    cancellationReason: input.cancellationReason ?? null,
    // Only the automatic refusal reaches the candidate's copy (lib/mail/templates/types.ts).
    automaticRefusal: application.refusalReason === AUTO_REFUSAL_REASON ? { afterWait: formatWait(env.AUTO_REFUSAL_DAYS) } : null,
  };

  const entries: OutboxEntry[] = [];
  const professionals: { kind: EmailKind; recipient: "prescriber" | "employerTeam"; userId: string; email: string }[] = [];
  if (recipients.prescriber) {
    for (const adviser of await prescriberRecipients(tx, application, senderIsMember)) {
      professionals.push({ kind: recipients.prescriber, recipient: "prescriber", userId: adviser.id, email: adviser.email });
    }
  }
  if (recipients.employerTeam) {
    for (const membership of application.employerOrganization.memberships) {
      professionals.push({
        kind: recipients.employerTeam,
        recipient: "employerTeam",
        userId: membership.userId,
        email: membership.user.email,
      });
    }
  }
  const switchedOff = new Set(
    (
      await tx.notificationPreference.findMany({
        where: { enabled: false, userId: { in: professionals.map((p) => p.userId) }, kind: { in: professionals.map((p) => p.kind) } },
        select: { userId: true, kind: true },
      })
    ).map((pref) => `${pref.userId}:${pref.kind}`),
  );
  for (const professional of professionals) {
    if (switchedOff.has(`${professional.userId}:${professional.kind}`)) continue;
    entries.push({
      to: professional.email,
      template: professional.kind,
      applicationId: application.id,
      userId: professional.userId,
      ...renderApplicationEmail(professional.kind, professional.recipient, { ...data, url: professionalUrl }),
    });
  }

  if (recipients.candidate && application.candidate.email) {
    const token = await createCandidateLink(tx, application.candidateId);
    entries.push({
      to: application.candidate.email,
      template: recipients.candidate,
      applicationId: application.id,
      ...renderApplicationEmail(recipients.candidate, "candidate", { ...data, url: `${input.baseUrl}/c/${token}` }),
    });
  }
  return enqueueEmails(tx, entries);
}

/**
 * Who hears, on the prescriber side: the adviser who sent the application while they are still
 * an active member of the sending organisation; once they have left, that organisation's active
 * admins instead, so decisions, refusal reasons and private messages stay inside it (issue 8).
 */
async function prescriberRecipients(
  tx: TransactionClient,
  application: { senderOrganizationId: string; senderUser: { id: string; email: string } },
  senderIsMember: boolean,
): Promise<{ id: string; email: string }[]> {
  if (senderIsMember) return [application.senderUser];
  // Only the admins: a national organisation may have thousands of members.
  const admins = await tx.membership.findMany({
    where: { organizationId: application.senderOrganizationId, isActive: true, role: "ADMIN" },
    orderBy: { createdAt: "asc" },
    select: { user: { select: { id: true, email: true } } },
  });
  return admins.map((membership) => membership.user);
}
