import "server-only";
import { prisma, type TransactionClient } from "@/lib/db";
import type { MemberContext } from "@/lib/auth/guards";
import { notifyApplicationEvent } from "@/lib/mail/notify";
import { PENDING_STATUSES } from "@/lib/status";
import { dailySendingLimitError } from "@/lib/applications/daily-limit";
import {
  fieldErrorsOf,
  sendApplicationSchema,
  type SendApplicationInput,
  type SendApplicationResult,
} from "@/lib/applications/send-validation";

type SenderContext = Pick<MemberContext, "userId" | "organizationId" | "organizationKind">;
type Refusal = Extract<SendApplicationResult, { ok: false }>;
/** The action's answer, plus the outbox ids to deliver once the transaction has committed. */
export type SendApplicationOutcome = Refusal | { ok: true; applicationId: string; emailIds: string[] };

/** Thrown inside the transaction to roll back everything it wrote, then answered as a result. */
class SendRefused extends Error {
  constructor(readonly result: Refusal) {
    super(result.error);
  }
}

const CANDIDATE_NOT_FOUND: Refusal = {
  ok: false,
  notFound: true,
  error: "Candidat introuvable parmi les personnes pour lesquelles votre organisation a postulé.",
  fieldErrors: { candidateId: "Candidat introuvable. Recherchez-le à nouveau ou saisissez un nouveau candidat." },
};
const EMPLOYER_NOT_FOUND: Refusal = {
  ok: false,
  error: "Cet employeur est introuvable.",
  fieldErrors: { employerOrganizationId: "Employeur introuvable : choisissez un employeur dans les résultats de la recherche." },
};

/**
 * Sends an application on behalf of a candidate (issue 4): attaches the candidate or creates
 * them, then writes the application (NEW), its "send" event and the emails of DESIGN §5, all in
 * one transaction. Any refusal writes nothing. `input` is validated here too, so that no caller
 * can skip the checks of the form.
 */
export async function sendApplication(ctx: SenderContext, input: unknown, options: { baseUrl: string }): Promise<SendApplicationOutcome> {
  const parsed = sendApplicationSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    return { ok: false, error: "Le formulaire contient des erreurs : corrigez les champs signalés.", fieldErrors };
  }
  if (ctx.organizationKind !== "PRESCRIBER") {
    return { ok: false, error: "Seule une organisation prescriptrice peut envoyer une candidature." };
  }
  const overLimit = await dailySendingLimitError(ctx.userId);
  if (overLimit) return { ok: false, error: overLimit };
  const data = parsed.data;

  try {
    const { applicationId, emailIds } = await prisma.$transaction(async (tx) => {
      const employer = await tx.organization.findUnique({ where: { id: data.employerOrganizationId }, select: { kind: true } });
      if (employer?.kind !== "EMPLOYER") throw new SendRefused(EMPLOYER_NOT_FOUND);

      const candidateId = await resolveCandidate(tx, ctx, data.candidate);
      // Serialises every write about this person (the employer side locks the same row before
      // a decision), so that two colleagues sending at once cannot both pass the check below.
      await tx.$queryRaw`SELECT id FROM "Candidate" WHERE id = ${candidateId} FOR UPDATE`;

      // Only this organisation's applications count: refusing because another organisation
      // applied would tell the prescriber about it (DESIGN §6). The employer declines such a
      // duplicate with the reason "Candidature en doublon".
      const pending = await tx.jobApplication.findFirst({
        where: {
          candidateId,
          employerOrganizationId: data.employerOrganizationId,
          senderOrganizationId: ctx.organizationId,
          status: { in: [...PENDING_STATUSES] },
        },
        select: { id: true },
      });
      if (pending) {
        throw new SendRefused({
          ok: false,
          error:
            "Votre organisation a déjà une candidature en cours pour cette personne auprès de cet employeur : " +
            "attendez sa réponse, ou consultez-la dans « Suivi des candidatures ».",
          fieldErrors: { employerOrganizationId: "Une candidature est déjà en cours auprès de cet employeur pour ce candidat." },
        });
      }

      const application = await tx.jobApplication.create({
        data: {
          candidateId,
          senderUserId: ctx.userId,
          senderOrganizationId: ctx.organizationId,
          employerOrganizationId: data.employerOrganizationId,
          jobTitle: data.jobTitle,
          message: data.message,
          status: "NEW",
        },
        select: { id: true },
      });
      await tx.applicationEvent.create({
        data: { applicationId: application.id, transition: "send", fromStatus: null, toStatus: "NEW", actorId: ctx.userId },
      });
      const emailIds = await notifyApplicationEvent(tx, { event: "send", applicationId: application.id, baseUrl: options.baseUrl });
      return { applicationId: application.id, emailIds };
    });
    return { ok: true, applicationId, emailIds };
  } catch (error) {
    if (error instanceof SendRefused) return error.result;
    console.error("sendApplication failed", error);
    return { ok: false, error: "La candidature n'a pas pu être envoyée à cause d'une erreur technique. Réessayez dans un instant." };
  }
}

/** The candidate's id: one this organisation applied for, the owner of the email, or a new person. */
async function resolveCandidate(tx: TransactionClient, ctx: SenderContext, candidate: SendApplicationInput["candidate"]): Promise<string> {
  if (candidate.kind === "existing") {
    // An id is accepted only for a person this organisation applied for: any other id is
    // "not found", whether or not it exists.
    const known = await tx.jobApplication.findFirst({
      where: { candidateId: candidate.id, senderOrganizationId: ctx.organizationId },
      select: { candidateId: true },
    });
    if (!known) throw new SendRefused(CANDIDATE_NOT_FOUND);
    return known.candidateId;
  }

  if (!candidate.email) {
    const created = await tx.candidate.create({
      data: { firstName: candidate.firstName, lastName: candidate.lastName, phone: candidate.phone, birthDate: candidate.birthDate },
      select: { id: true },
    });
    return created.id;
  }

  // One person = one record (DESIGN §9). ON CONFLICT DO NOTHING waits for a concurrent insert
  // of the same email and then keeps it, so two prescribers typing the same new address at
  // the same moment end up on the same candidate instead of a unique-constraint error.
  await tx.candidate.createMany({
    data: [{ firstName: candidate.firstName, lastName: candidate.lastName, email: candidate.email, phone: candidate.phone, birthDate: candidate.birthDate }],
    skipDuplicates: true,
  });
  const person = await tx.candidate.findUniqueOrThrow({
    where: { email: candidate.email },
    select: { id: true, phone: true, birthDate: true },
  });
  // Names are never overwritten (the person may be known under another spelling); only details
  // the record lacks are filled in, which reveals nothing to anyone.
  const missing = {
    ...(person.phone === null && candidate.phone ? { phone: candidate.phone } : {}),
    ...(person.birthDate === null && candidate.birthDate ? { birthDate: candidate.birthDate } : {}),
  };
  if (Object.keys(missing).length) await tx.candidate.update({ where: { id: person.id }, data: missing });
  return person.id;
}
