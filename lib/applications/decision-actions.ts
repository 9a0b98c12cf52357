"use server";
// Thin server actions of the employer's decisions: parse with the form's schema, check the
// member on the server, call lib/applications/transitions.ts, refresh the pages, answer in French.
import { revalidatePath } from "next/cache";
import { readYourWrites } from "@/lib/read-db";
import { notFound } from "next/navigation";
import type { z } from "zod";
import { requireMember, type MemberContext } from "@/lib/auth/guards";
import { getBaseUrl } from "@/lib/url";
import { invalidInput, type ActionResult } from "@/lib/action-result";
import { deliverAfterCommit } from "@/lib/mail/sender";
import { STATUS_LABELS, TRANSITIONS, type ApplicationStatus } from "@/lib/status";
import {
  acceptApplication,
  cancelApplication,
  postponeApplication,
  processApplication,
  refuseApplication,
  takeOverApplication,
  type TransitionOptions,
  type TransitionResult,
} from "@/lib/applications/transitions";
import { archiveApplications, unarchiveApplications, type ArchiveOutcome } from "@/lib/applications/archive";
import {
  acceptSchema,
  archiveSchema,
  cancelSchema,
  postponeSchema,
  processSchema,
  refuseSchema,
  takeOverSchema,
} from "@/lib/applications/decision-validation";
import { ROUTES, applicationPath } from "@/lib/routes";
import { quoted } from "@/lib/french";

async function decide<Schema extends z.ZodType<{ applicationId: string }>>(
  schema: Schema,
  input: unknown,
  run: (ctx: MemberContext, value: z.output<Schema>, options: TransitionOptions) => Promise<TransitionResult>,
  /** The status the decision leads to (none for a take-over): found there, it was already made. */
  intended: ApplicationStatus | null,
): Promise<ActionResult> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const member = await requireMember("EMPLOYER");

  let result: TransitionResult;
  try {
    result = await run(member, parsed.data, { baseUrl: await getBaseUrl() });
  } catch (error) {
    // Unexpected (database down…): the user gets a sentence, the logs get the cause.
    console.error("Decision failed", error);
    return { ok: false, error: "Une erreur inattendue est survenue, rien n'a été enregistré. Réessayez dans un instant." };
  }

  if ("ok" in result) {
    deliverAfterCommit(result.emailIds);
    revalidatePath(applicationPath(parsed.data.applicationId));
    revalidatePath(ROUTES.employerApplications);
    revalidatePath(ROUTES.dashboard);
    await readYourWrites();
    return { ok: true };
  }
  switch (result.error) {
    case "not_found":
      notFound();
    case "stale":
      revalidatePath(applicationPath(parsed.data.applicationId));
      // Someone else moved it first: the same decision (a double click, a colleague) is done;
      // another one must not read as if this one had gone through.
      return {
        ok: false,
        error:
          result.status === intended
            ? `Action déjà effectuée\u00a0: la candidature est maintenant ${quoted(STATUS_LABELS[result.status])}.`
            : `La candidature a changé entre-temps\u00a0: elle est maintenant ${quoted(STATUS_LABELS[result.status])}. ` +
              "Votre décision n'a pas été enregistrée\u00a0: consultez-la puis décidez à nouveau.",
        stale: true,
      };
    case "not_allowed":
      // The page in the answer shows the status that forbids it (the client does not refresh).
      revalidatePath(applicationPath(parsed.data.applicationId));
      return {
        ok: false,
        error: `Cette action n'est pas possible pour une candidature au statut ${quoted(STATUS_LABELS[result.status])}.`,
        stale: true,
      };
  }
}

export async function processAction(input: unknown) {
  return decide(processSchema, input, processApplication, TRANSITIONS.process.to);
}

export async function takeOverAction(input: unknown) {
  return decide(takeOverSchema, input, (ctx, value) => takeOverApplication(ctx, value), null);
}

export async function postponeAction(input: unknown) {
  return decide(postponeSchema, input, postponeApplication, TRANSITIONS.postpone.to);
}

export async function acceptAction(input: unknown) {
  return decide(acceptSchema, input, acceptApplication, TRANSITIONS.accept.to);
}

export async function refuseAction(input: unknown) {
  return decide(refuseSchema, input, refuseApplication, TRANSITIONS.refuse.to);
}

export async function cancelAction(input: unknown) {
  return decide(cancelSchema, input, cancelApplication, TRANSITIONS.cancel.to);
}

/**
 * "Archiver" / "Désarchiver" on the application's page: the one-item case of
 * lib/applications/archive.ts, which batch actions call with many items.
 */
async function setArchived(input: unknown, archive: boolean): Promise<ActionResult> {
  const parsed = archiveSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const member = await requireMember("EMPLOYER");

  let outcome: ArchiveOutcome | undefined;
  try {
    [outcome] = await (archive ? archiveApplications : unarchiveApplications)(member, [parsed.data]);
  } catch (error) {
    console.error("Archiving failed", error);
    return { ok: false, error: "Une erreur inattendue est survenue, rien n'a été enregistré. Réessayez dans un instant." };
  }
  if (!outcome || ("error" in outcome && outcome.error === "not_found")) notFound();
  if ("ok" in outcome) {
    revalidatePath(applicationPath(parsed.data.applicationId));
    revalidatePath(ROUTES.employerApplications);
    revalidatePath(ROUTES.dashboard);
    await readYourWrites();
    return { ok: true };
  }
  revalidatePath(applicationPath(parsed.data.applicationId));
  return outcome.error === "stale"
    ? {
        ok: false,
        error: `La candidature a changé entre-temps\u00a0: elle est maintenant ${quoted(STATUS_LABELS[outcome.status])}.`,
        stale: true,
      }
    : {
        ok: false,
        error: `Une candidature au statut ${quoted(STATUS_LABELS[outcome.status])} ne peut pas être ${archive ? "archivée" : "désarchivée"}.`,
        stale: true,
      };
}

export async function archiveAction(input: unknown) {
  return setArchived(input, true);
}

export async function unarchiveAction(input: unknown) {
  return setArchived(input, false);
}
