"use server";
// The batch decisions of "Candidatures reçues" (issue 10 item 1): parse with the shared schema,
// check the member on the server, apply the single decision to each application, say what happened.
import { revalidatePath } from "next/cache";
import { readYourWrites } from "@/lib/read-db";
import { notFound } from "next/navigation";
import { requireMember } from "@/lib/auth/guards";
import { getBaseUrl } from "@/lib/url";
import { invalidInput, type ActionResult } from "@/lib/action-result";
import { deliverAfterCommit } from "@/lib/mail/sender";
import { batchDecisionSchema, BATCH_TOO_LARGE } from "@/lib/applications/batch-validation";
import { decideBatch, describeBatchResult } from "@/lib/applications/batch";
import { ROUTES, applicationPath } from "@/lib/routes";

export type BatchActionData = { message: string; done: number; failed: number };

export async function batchDecisionAction(input: unknown): Promise<ActionResult<BatchActionData>> {
  const parsed = batchDecisionSchema.safeParse(input);
  if (!parsed.success) {
    // Too many rows is a message about the selection, not a field beside the form.
    const tooLarge = parsed.error.issues.some((issue) => issue.path[0] === "items" && issue.code === "too_big");
    return tooLarge ? { ok: false, error: BATCH_TOO_LARGE } : invalidInput(parsed.error);
  }
  const member = await requireMember("EMPLOYER");
  const { outcomes, emailIds } = await decideBatch(member, parsed.data, { baseUrl: await getBaseUrl() });
  deliverAfterCommit(emailIds);

  // Not one of them is this employer's: the same 404 as for a single decision.
  if (outcomes.every((outcome) => !outcome.ok && outcome.error === "not_found")) notFound();
  for (const outcome of outcomes) revalidatePath(applicationPath(outcome.applicationId));
  revalidatePath(ROUTES.employerApplications);
  revalidatePath(ROUTES.dashboard);
  await readYourWrites();

  const done = outcomes.filter((outcome) => outcome.ok).length;
  const message = describeBatchResult(parsed.data.action, outcomes);
  if (done === 0) return { ok: false, error: message, stale: true };
  return { ok: true, message, done, failed: outcomes.length - done };
}
