import "server-only";
import { prisma } from "@/lib/db";
import type { MemberContext } from "@/lib/auth/guards";
import { visibleApplicationsWhere } from "@/lib/access";
import { personName } from "@/lib/people";
import { STATUS_LABELS, type ApplicationStatus } from "@/lib/status";
import {
  postponeApplication,
  processApplication,
  refuseApplication,
  type TransitionOptions,
  type TransitionResult,
} from "@/lib/applications/transitions";
import { archiveApplications, unarchiveApplications } from "@/lib/applications/archive";
import type { BatchAction, BatchDecisionInput } from "@/lib/applications/batch-validation";
import { quoted } from "@/lib/french";

/**
 * A batch decision is the single decision, applied to each selected application in turn: each
 * one in its own transaction, with its candidate lock and the status the user saw for it
 * (lib/applications/transitions.ts), and its own e-mails. One that moved meanwhile fails alone.
 */
export type BatchItemOutcome =
  | { applicationId: string; ok: true }
  | { applicationId: string; ok: false; error: "not_found" | "unexpected" }
  | { applicationId: string; ok: false; error: "stale" | "not_allowed"; status: ApplicationStatus; candidateName: string };

export interface BatchResult {
  outcomes: BatchItemOutcome[];
  emailIds: string[];
}

type DecisionInput = Exclude<BatchDecisionInput, { action: "archive" | "unarchive" }>;

function runOne(
  ctx: MemberContext,
  input: DecisionInput,
  seen: { applicationId: string; status: ApplicationStatus },
  options: TransitionOptions,
) {
  switch (input.action) {
    case "process":
      return processApplication(ctx, seen, options);
    case "postpone":
      return postponeApplication(ctx, { ...seen, answerToCandidate: input.answerToCandidate }, options);
    case "refuse":
      return refuseApplication(
        ctx,
        {
          ...seen,
          refusalReason: input.refusalReason,
          answerToCandidate: input.answerToCandidate,
          answerToPrescriber: input.answerToPrescriber,
        },
        options,
      );
  }
}

type ItemResult = TransitionResult | { ok: true } | { error: "not_found" } | { error: "stale" | "not_allowed"; status: ApplicationStatus };

/** Archiving goes through lib/applications/archive.ts, which guards each application the same way. */
async function runArchive(ctx: MemberContext, archive: boolean, items: BatchDecisionInput["items"]) {
  try {
    const outcomes = await (archive ? archiveApplications : unarchiveApplications)(ctx, items);
    return outcomes.map(({ applicationId, ...result }) => ({ applicationId, result: result as ItemResult }));
  } catch (error) {
    // What was done before the failure stays done (one transaction each); the rest reads as unexpected.
    console.error("Batch archiving failed", error);
    const current = await prisma.jobApplication.findMany({
      where: { id: { in: items.map((item) => item.applicationId) } },
      select: { id: true, archivedAt: true },
    });
    const done = new Set(current.filter((row) => (row.archivedAt !== null) === archive).map((row) => row.id));
    return items.map(({ applicationId }) => ({ applicationId, result: done.has(applicationId) ? ({ ok: true } as const) : null }));
  }
}

export async function decideBatch(ctx: MemberContext, input: BatchDecisionInput, options: TransitionOptions): Promise<BatchResult> {
  let results: { applicationId: string; result: ItemResult | null }[] = [];
  if (input.action === "archive" || input.action === "unarchive") {
    results = await runArchive(ctx, input.action === "archive", input.items);
  } else {
    // One after another: each takes its candidate's lock in its own short transaction, as a
    // single decision does, so a batch never holds several locks at once (no deadlock with others).
    for (const seen of input.items) {
      try {
        results.push({ applicationId: seen.applicationId, result: await runOne(ctx, input, seen, options) });
      } catch (error) {
        console.error("Batch decision failed for one application", error);
        results.push({ applicationId: seen.applicationId, result: null });
      }
    }
  }
  // The names of the ones that could not be decided, as the list shows them (the sender's record).
  const refusedIds = results
    .filter(({ result }) => result && "error" in result && result.error !== "not_found")
    .map((r) => r.applicationId);
  const names = new Map(
    refusedIds.length
      ? (
          await prisma.jobApplication.findMany({
            where: { AND: [{ id: { in: refusedIds } }, visibleApplicationsWhere(ctx)] },
            select: { id: true, candidateProfile: { select: { firstName: true, lastName: true } } },
          })
        ).map((row) => [row.id, personName(row.candidateProfile)])
      : [],
  );
  const outcomes = results.map(({ applicationId, result }): BatchItemOutcome => {
    if (!result) return { applicationId, ok: false, error: "unexpected" };
    if ("ok" in result) return { applicationId, ok: true };
    if (result.error === "not_found") return { applicationId, ok: false, error: "not_found" };
    return { applicationId, ok: false, error: result.error, status: result.status, candidateName: names.get(applicationId) ?? "" };
  });
  return { outcomes, emailIds: results.flatMap(({ result }) => (result && "emailIds" in result ? result.emailIds : [])) };
}

const DONE: Record<BatchAction, [singular: string, plural: string]> = {
  process: ["candidature mise à l'étude", "candidatures mises à l'étude"],
  postpone: ["candidature mise en «\u00a0Embauche pour plus tard\u00a0»", "candidatures mises en «\u00a0Embauche pour plus tard\u00a0»"],
  refuse: ["candidature déclinée", "candidatures déclinées"],
  archive: ["candidature archivée", "candidatures archivées"],
  unarchive: ["candidature désarchivée", "candidatures désarchivées"],
};

/** "3 candidatures déclinées ; 1 n'a pas pu l'être : Prénom Nom (statut désormais « Candidature acceptée »)". */
export function describeBatchResult(action: BatchAction, outcomes: BatchItemOutcome[]): string {
  const done = outcomes.filter((outcome) => outcome.ok).length;
  const failed = outcomes.filter((outcome): outcome is Exclude<BatchItemOutcome, { ok: true }> => !outcome.ok);
  const [singular, plural] = DONE[action];
  const head = done === 0 ? `Aucune ${singular}` : done === 1 ? `1 ${singular}` : `${done} ${plural}`;
  if (failed.length === 0) return `${head}.`;
  const reasons = failed.map((outcome) => {
    switch (outcome.error) {
      case "stale":
        return `${outcome.candidateName} (statut désormais ${quoted(STATUS_LABELS[outcome.status])})`;
      case "not_allowed":
        return `${outcome.candidateName} (action impossible au statut ${quoted(STATUS_LABELS[outcome.status])})`;
      case "not_found":
        return "une candidature introuvable";
      case "unexpected":
        return "une candidature (erreur inattendue, rien n'a été enregistré pour elle)";
    }
  });
  const couldNot = failed.length === 1 ? "1 n'a pas pu l'être" : `${failed.length} n'ont pas pu l'être`;
  return `${head}\u00a0; ${couldNot}\u00a0: ${reasons.join(", ")}.`;
}
