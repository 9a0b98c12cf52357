import "server-only";
import { type TransactionClient, writeTransaction } from "@/lib/db";
import type { MemberContext } from "@/lib/auth/guards";
import {
  mayReceiveApplications,
  maySendApplications,
  PRESCRIBERS_ONLY,
  resendableApplicationsWhere,
  visibleApplicationsWhere,
  visibleCandidateProfilesWhere,
} from "@/lib/access";
import { Prisma } from "@/lib/generated/prisma/client";
import { lockCandidate } from "@/lib/applications/candidate-lock";
import { notifyApplicationEvent } from "@/lib/mail/notify";
import { PENDING_STATUSES } from "@/lib/status";
import { dailySendingLimitError } from "@/lib/applications/daily-limit";
import { sameName } from "@/lib/people";
import { invalidInput, type ActionFailure, type ActionResult } from "@/lib/action-result";
import { sendApplicationSchema, type SendApplicationField, type SendApplicationInput } from "@/lib/applications/send-validation";
import { quoted } from "@/lib/french";

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
  error: "Vérifiez l'adresse e-mail du candidat\u00a0: elle ne correspond pas au prénom et au nom saisis.",
  fieldErrors: {
    email:
      "Cette adresse e-mail ne correspond pas au prénom et au nom saisis. Vérifiez-la avec le candidat (une faute de frappe\u00a0?), ou laissez le champ vide.",
  },
};
const EMPLOYER_NOT_FOUND: Refusal = {
  ok: false,
  error: "Cet employeur est introuvable.",
  fieldErrors: { employerOrganizationId: "Employeur introuvable\u00a0: choisissez un employeur dans les résultats de la recherche." },
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
  const data = parsed.data;

  try {
    const { applicationId, emailIds } = await writeTransaction(async (tx) => {
      const overLimit = await dailySendingLimitError(tx, ctx.userId);
      if (overLimit) throw new SendRefused({ ok: false, error: overLimit });
      const employer = await tx.organization.findUnique({ where: { id: data.employerOrganizationId }, select: { kind: true } });
      if (!employer || !mayReceiveApplications(employer)) throw new SendRefused(EMPLOYER_NOT_FOUND);

      await checkWhatIsAppliedFor(tx, data);
      const candidateId = await resolveCandidate(tx, ctx, data.candidate);
      if (data.resentFromId) await checkResentFrom(tx, ctx, data, candidateId);
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
            "Votre organisation a déjà une candidature en cours pour cette personne auprès de cet employeur\u00a0: " +
            "attendez sa réponse, ou consultez-la dans «\u00a0Suivi des candidatures\u00a0».",
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
          spontaneous: data.spontaneous,
          resentFromId: data.resentFromId,
          jobs: data.jobIds.length ? { create: data.jobIds.map((jobDescriptionId) => ({ jobDescriptionId })) } : undefined,
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

const JOBS_FIELD_ERROR = "Choisissez à nouveau parmi les postes ouverts de cet employeur.";

/**
 * The jobs picked must be this employer's and open, or the employer must take spontaneous
 * applications (issue 13). The rows are read FOR SHARE: a close committed before this read is
 * seen here, and a close that comes after waits for this send to commit — so an application is
 * never written for a job already closed, even when it closes while the form is open.
 */
async function checkWhatIsAppliedFor(tx: TransactionClient, data: SendApplicationInput): Promise<void> {
  if (data.spontaneous) {
    const [employer] = await tx.$queryRaw<{ spontaneousApplicationsOpen: boolean }[]>`
      SELECT "spontaneousApplicationsOpen" FROM "Organization" WHERE id = ${data.employerOrganizationId} FOR SHARE`;
    if (!employer?.spontaneousApplicationsOpen) {
      throw new SendRefused({
        ok: false,
        error:
          "Cet employeur n'accepte plus les candidatures spontanées\u00a0: choisissez un de ses postes ouverts, ou un autre employeur. Rien n'a été envoyé.",
        fieldErrors: { jobIds: "Les candidatures spontanées sont fermées chez cet employeur\u00a0: choisissez un poste ouvert." },
      });
    }
  }
  if (data.jobIds.length === 0) return;
  const jobs = await tx.$queryRaw<{ id: string; title: string; isOpen: boolean; organizationId: string }[]>`
    SELECT id, title, "isOpen", "organizationId" FROM "JobDescription"
    WHERE id IN (${Prisma.join(data.jobIds)}) ORDER BY id FOR SHARE`;
  const ownJobs = jobs.filter((job) => job.organizationId === data.employerOrganizationId);
  if (ownJobs.length !== data.jobIds.length) {
    throw new SendRefused({
      ok: false,
      error: "Un des postes choisis est introuvable chez cet employeur. Rien n'a été envoyé.",
      fieldErrors: { jobIds: JOBS_FIELD_ERROR },
    });
  }
  const closed = ownJobs.filter((job) => !job.isOpen);
  if (closed.length > 0) {
    const titles = closed.map((job) => quoted(job.title)).join(", ");
    throw new SendRefused({
      ok: false,
      error:
        closed.length === 1
          ? `Le recrutement est fermé pour le poste ${titles}\u00a0: l'employeur vient de le clore. Rien n'a été envoyé\u00a0; choisissez un autre poste.`
          : `Le recrutement est fermé pour les postes ${titles}\u00a0: l'employeur vient de les clore. Rien n'a été envoyé\u00a0; choisissez d'autres postes.`,
      fieldErrors: { jobIds: `Recrutement fermé\u00a0: ${titles}. ${JOBS_FIELD_ERROR}` },
    });
  }
}

/**
 * "Envoyer à un autre employeur": the origin must be a declined application of this organisation
 * (lib/access.ts resendableApplicationsWhere), for the same person, and the new employer another one.
 */
async function checkResentFrom(tx: TransactionClient, ctx: SenderContext, data: SendApplicationInput, candidateId: string) {
  const resendable = resendableApplicationsWhere(ctx);
  const origin =
    resendable &&
    (await tx.jobApplication.findFirst({
      where: { AND: [{ id: data.resentFromId! }, resendable] },
      select: { candidateId: true, employerOrganizationId: true },
    }));
  if (!origin) {
    throw new SendRefused({
      ok: false,
      notFound: true,
      error: "La candidature d'origine est introuvable parmi les candidatures déclinées de votre organisation. Rien n'a été envoyé.",
    });
  }
  if (origin.candidateId !== candidateId) {
    throw new SendRefused({
      ok: false,
      error: "Une candidature envoyée à un autre employeur reste celle du même candidat. Rien n'a été envoyé.",
      fieldErrors: { candidateId: "Gardez le candidat de la candidature déclinée." },
    });
  }
  if (origin.employerOrganizationId === data.employerOrganizationId) {
    throw new SendRefused({
      ok: false,
      error: "Cet employeur a déjà décliné cette candidature\u00a0: choisissez un autre employeur. Rien n'a été envoyé.",
      fieldErrors: { employerOrganizationId: "Choisissez un autre employeur que celui qui a décliné la candidature." },
    });
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
