"use server";
// Thin action of "E-mails non remis": parse, check the admin on the server, queue the row again,
// deliver it after the write, refresh the page, answer in French.
import { revalidatePath } from "next/cache";
import { requireMember } from "@/lib/auth/guards";
import { mayManageFailedEmails } from "@/lib/access";
import { retryFailedEmail } from "@/lib/mail/failed-emails";
import { retryFailedEmailSchema } from "@/lib/mail/failed-emails-validation";
import type { ActionResult } from "@/lib/action-result";
import { deliverAfterCommit } from "@/lib/mail/sender";
import { ROUTES } from "@/lib/routes";

/** The row's id on both sides, so the table shows the answer beside the row it concerns. */
export type RetryFailedEmailActionState = ActionResult<{ id: string; at: number }, string, { id?: string }> | null;

const RETRY_ERRORS = {
  not_failed: "Cet e-mail a déjà été remis en file d'envoi. La liste a été actualisée.",
  not_found: "Cet e-mail est introuvable pour votre organisation.",
  purged: "Le contenu de cet e-mail a été effacé (plus de 90 jours)\u00a0: il ne peut plus être renvoyé.",
} as const;

export async function retryFailedEmailAction(
  _previous: RetryFailedEmailActionState,
  formData: FormData,
): Promise<RetryFailedEmailActionState> {
  const parsed = retryFailedEmailSchema.safeParse({ id: formData.get("id") });
  if (!parsed.success) return { ok: false, error: "Cet e-mail n'a pas pu être identifié. Rechargez la page et réessayez." };
  const member = await requireMember();
  if (!mayManageFailedEmails(member)) {
    return { ok: false, error: "Seuls les administrateurs de l'organisation peuvent renvoyer un e-mail.", id: parsed.data.id };
  }

  let result: Awaited<ReturnType<typeof retryFailedEmail>>;
  try {
    result = await retryFailedEmail(member, parsed.data.id);
  } catch (error) {
    console.error("Retry of a failed email failed", error);
    return {
      ok: false,
      error: "Une erreur inattendue est survenue, l'e-mail n'a pas été renvoyé. Réessayez dans un instant.",
      id: parsed.data.id,
    };
  }

  revalidatePath(ROUTES.failedEmails);
  if ("error" in result) {
    return {
      ok: false,
      error: RETRY_ERRORS[result.error],
      id: parsed.data.id,
    };
  }
  deliverAfterCommit(result.emailIds);
  return { ok: true, id: parsed.data.id, at: Date.now() };
}
