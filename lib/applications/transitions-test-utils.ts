/**
 * Helpers of the integration tests of lib/applications/transitions.ts: a valid input per
 * transition, and a snapshot of everything a transition may write, to prove "nothing written".
 */
import { expect } from "vitest";
import { prisma } from "@/lib/db";
import type { MemberContext } from "@/lib/auth/guards";
import {
  acceptApplication,
  cancelApplication,
  postponeApplication,
  processApplication,
  refuseApplication,
  type TransitionResult,
} from "@/lib/applications/transitions";
import {
  acceptSchema,
  cancelSchema,
  postponeSchema,
  processSchema,
  refuseSchema,
  todayInFrance,
} from "@/lib/applications/decision-validation";
import { DEFAULT_POSTPONE_MESSAGE, type ApplicationStatus, type UserTransitionName } from "@/lib/status";

export const BASE_URL = "https://suivi.test";
export const PRIVATE_MESSAGE = "Message privé\u00a0: profil à recontacter en septembre.";
export const CANDIDATE_ANSWER = "Merci pour votre candidature, nous ne pouvons pas donner suite.";
export const CANCELLATION_REASON = "Le candidat ne s'est pas présenté le premier jour.";

/** Fires a transition with a valid input built from the seen status. */
export function fire(
  transition: UserTransitionName,
  ctx: MemberContext,
  applicationId: string,
  status: ApplicationStatus,
): Promise<TransitionResult> {
  const ref = { applicationId, status };
  const options = { baseUrl: BASE_URL };
  switch (transition) {
    case "process":
      return processApplication(ctx, processSchema.parse(ref), options);
    case "postpone":
      return postponeApplication(ctx, postponeSchema.parse({ ...ref, answerToCandidate: DEFAULT_POSTPONE_MESSAGE }), options);
    case "accept":
      return acceptApplication(
        ctx,
        acceptSchema.parse({ ...ref, hiringStartDate: todayInFrance(), answerToCandidate: "Bienvenue\u00a0!" }),
        options,
      );
    case "refuse":
      return refuseApplication(
        ctx,
        refuseSchema.parse({
          ...ref,
          refusalReason: "NOT_MOBILE",
          answerToCandidate: CANDIDATE_ANSWER,
          answerToPrescriber: PRIVATE_MESSAGE,
        }),
        options,
      );
    case "cancel":
      return cancelApplication(ctx, cancelSchema.parse({ ...ref, cancellationReason: CANCELLATION_REASON }), options);
  }
}

/** Everything a transition on these applications (and their candidates) could write. */
export async function snapshot(applicationIds: string[]) {
  const applications = await prisma.jobApplication.findMany({ where: { id: { in: applicationIds } }, orderBy: { id: "asc" } });
  const candidateIds = [...new Set(applications.map((a) => a.candidateId))];
  return {
    applications,
    events: await prisma.applicationEvent.findMany({ where: { applicationId: { in: applicationIds } }, orderBy: { id: "asc" } }),
    emails: await prisma.outboxEmail.findMany({ where: { applicationId: { in: applicationIds } }, orderBy: { id: "asc" } }),
    links: await prisma.candidateLink.count({ where: { candidateId: { in: candidateIds } } }),
  };
}

export async function expectNothingWritten(applicationIds: string[], before: Awaited<ReturnType<typeof snapshot>>) {
  expect(await snapshot(applicationIds)).toEqual(before);
}

/** The outbox rows of an application as sorted "template → recipient" pairs. */
export async function outboxOf(applicationId: string) {
  const rows = await prisma.outboxEmail.findMany({ where: { applicationId }, select: { template: true, to: true } });
  return rows.map((row) => `${row.template} → ${row.to}`).sort();
}
