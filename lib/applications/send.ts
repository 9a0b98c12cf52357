import "server-only";
import { prisma, type TransactionClient, WRITE_TRANSACTION_OPTIONS } from "@/lib/db";
import type { MemberContext } from "@/lib/auth/guards";
import {
  mayReceiveApplications,
  maySendApplications,
  PRESCRIBERS_ONLY,
  visibleApplicationsWhere,
  visibleCandidateProfilesWhere,
} from "@/lib/access";
import { lockCandidate } from "@/lib/applications/candidate-lock";
import { notifyApplicationEvent } from "@/lib/mail/notify";
import { PENDING_STATUSES } from "@/lib/status";
import { dailySendingLimitError } from "@/lib/applications/daily-limit";
import { sameName } from "@/lib/people";
import { invalidInput, type ActionFailure, type ActionResult } from "@/lib/action-result";
import { sendApplicationSchema, type SendApplicationField, type SendApplicationInput } from "@/lib/applications/send-validation";

type SenderContext = Pick<MemberContext, "userId" | "organizationId" | "organizationKind">;
type Refusal = ActionFailure<SendApplicationField>;
/** The action's answer, plus the outbox ids to deliver once the transaction has committed. */
export type SendApplicationOutcome = ActionResult<{ applicationId: string; emailIds: string[] }, SendApplicationField>;

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
// Deliberately vague: neither the names on record nor who recorded them.
const EMAIL_NAME_MISMATCH: Refusal = {
  ok: false,
  error: "Vérifiez l'adresse e-mail du candidat : elle ne correspond pas au prénom et au nom saisis.",
  fieldErrors: {
    email:
      "Cette adresse e-mail ne correspond pas au prénom et au nom saisis. Vérifiez-la avec le candidat (une faute de frappe ?), ou laissez le champ vide.",
  },
};
const EMPLOYER_NOT_FOUND: Refusal = {
  ok: false,
  error: "Cet employeur est introuvable.",
  fieldErrors: { employerOrganizationId: "Employeur introuvable : choisissez un employeur dans les résultats de la recherche." },
};

/**
 * Sends an application on behalf of a candidate (issue 4): attaches the candidate or creates
 * them, then writes the application (NEW), its "send" event and the emails of DESIGN §5, all in
 * one transaction. Any refusal writes nothing. `input` is parsed here, and only here (the action
 * passes it through), so that no caller can skip the checks of the form.
 */
export async function sendApplication(ctx: SenderContext, input: unknown, options: { baseUrl: string }): Promise<SendApplicationOutcome> {
  const parsed = sendApplicationSchema.safeParse(input);
  if (!parsed.success) return invalidInput<SendApplicationField>(parsed.error);
  if (!maySendApplications(ctx)) return { ok: false, error: PRESCRIBERS_ONLY };
  const overLimit = await dailySendingLimitError(ctx.userId);
  if (overLimit) return { ok: false, error: overLimit };
  const data = parsed.data;

  try {
    const { applicationId, emailIds } = await prisma.$transaction(async (tx) => {
      const employer = await tx.organization.findUnique({ where: { id: data.employerOrganizationId }, select: { kind: true } });
      if (!employer || !mayReceiveApplications(employer)) throw new SendRefused(EMPLOYER_NOT_FOUND);

      const candidateId = await resolveCandidate(tx, ctx, data.candidate);
      // Serialises every write about this person (the employer side locks the same row before
      // a decision), so that two colleagues sending at once cannot both pass the check below.
      await lockCandidate(tx, candidateId);

      // Only this organisation's applications count: refusing because another organisation
      // applied would tell the prescriber about it (DESIGN §6). The employer declines such a
      // duplicate with the reason "Candidature en doublon".
      const pending = await tx.jobApplication.findFirst({
        where: {
          AND: [
            visibleApplicationsWhere(ctx),
            { candidateId, employerOrganizationId: data.employerOrganizationId, status: { in: [...PENDING_STATUSES] } },
          ],
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
    }, WRITE_TRANSACTION_OPTIONS);
    return { ok: true, applicationId, emailIds };
  } catch (error) {
    if (error instanceof SendRefused) return error.result;
    console.error("sendApplication failed", error);
    return { ok: false, error: "La candidature n'a pas pu être envoyée à cause d'une erreur technique. Réessayez dans un instant." };
  }
}

/**
 * The person's id, once this organisation has its own record of them (CandidateProfile): one it
 * applied for, the owner of the e-mail typed, or a new person. Another organisation's record is
 * never read back to the caller: it only decides whether the names match.
 */
async function resolveCandidate(tx: TransactionClient, ctx: SenderContext, candidate: SendApplicationInput["candidate"]): Promise<string> {
  if (candidate.kind === "existing") {
    // An id is accepted only for a person this organisation has a record of: any other id is
    // "not found", whether or not it exists.
    const visible = visibleCandidateProfilesWhere(ctx);
    const own =
      visible &&
      (await tx.candidateProfile.findFirst({
        where: { AND: [{ candidateId: candidate.id }, visible] },
        select: { candidateId: true },
      }));
    if (!own) throw new SendRefused(CANDIDATE_NOT_FOUND);
    return own.candidateId;
  }

  const typed = { firstName: candidate.firstName, lastName: candidate.lastName, phone: candidate.phone, birthDate: candidate.birthDate };
  if (!candidate.email) {
    const created = await tx.candidate.create({
      data: { profiles: { create: { organizationId: ctx.organizationId, ...typed } } },
      select: { id: true },
    });
    return created.id;
  }

  // One person = one e-mail (DESIGN §9). ON CONFLICT DO NOTHING waits for a concurrent insert of
  // the same address and then keeps it, so two prescribers typing the same new address at the
  // same moment end up on the same person instead of a unique-constraint error.
  await tx.candidate.createMany({ data: [{ email: candidate.email }], skipDuplicates: true });
  const person = await tx.candidate.findUniqueOrThrow({ where: { email: candidate.email }, select: { id: true } });
  // Serialises the records of this person, so two organisations cannot both pass the check below.
  await lockCandidate(tx, person.id);
  const profiles = await tx.candidateProfile.findMany({
    where: { candidateId: person.id },
    select: { id: true, organizationId: true, firstName: true, lastName: true, phone: true, birthDate: true },
  });
  const own = profiles.find((profile) => profile.organizationId === ctx.organizationId);
  // A typo in the address must not attach the application to someone else, who would get its
  // e-mails and could be marked "embauché ailleurs": the names must match what is on record
  // (this organisation's, or else anyone's), and the answer says nothing about whose it is.
  const reference = own ? [own] : profiles;
  if (reference.length > 0 && !reference.some((profile) => sameName(profile, typed))) throw new SendRefused(EMAIL_NAME_MISMATCH);

  if (!own) {
    await tx.candidateProfile.create({ data: { candidateId: person.id, organizationId: ctx.organizationId, ...typed } });
    return person.id;
  }
  // This organisation's own record: names stay as first typed; details it lacked are filled in.
  const missing = {
    ...(own.phone === null && typed.phone ? { phone: typed.phone } : {}),
    ...(own.birthDate === null && typed.birthDate ? { birthDate: typed.birthDate } : {}),
  };
  if (Object.keys(missing).length) await tx.candidateProfile.update({ where: { id: own.id }, data: missing });
  return person.id;
}
