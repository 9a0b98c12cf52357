import "server-only";
import { sqlTimestamp as ts, writeTransaction, type PrismaClient } from "@/lib/db";
import type { MemberContext } from "@/lib/auth/guards";
import { archivableApplicationsSql } from "@/lib/access";
import { findAndLockCandidate } from "@/lib/applications/candidate-lock";
import type { Job } from "@/lib/jobs/types";
import {
  APPLICATION_STATUSES,
  AUTO_ARCHIVE_AFTER_DAYS,
  canArchive,
  canUnarchive,
  isAutoArchivable,
  type ApplicationStatus,
} from "@/lib/status";
import { DAY_MS } from "@/lib/time";

/**
 * Archiving (issue 10): an archived application leaves the employer's active list; nothing else
 * changes, for the prescriber or the candidate. Recorded on the row: when (archivedAt) and by whom
 * (archivedById; null = the daily job). Any later status change unarchives (lib/applications/
 * transitions.ts statusMove).
 */

/** One application as the member saw it: its id and the status on their screen. */
export interface ArchiveItem {
  applicationId: string;
  status: ApplicationStatus;
}

export type ArchiveResult =
  // changed false: it already was (un)archived, by a colleague or the daily job; nothing written.
  | { ok: true; changed: boolean }
  | { error: "not_found" }
  // The status moved since the member saw it.
  | { error: "stale"; status: ApplicationStatus }
  // The status does not allow it (lib/status.ts canArchive): a forged or outdated request.
  | { error: "not_allowed"; status: ApplicationStatus };

export type ArchiveOutcome = ArchiveResult & { applicationId: string };

const NOT_FOUND = { error: "not_found" } as const;

async function setArchived(ctx: MemberContext, item: ArchiveItem, archive: boolean): Promise<ArchiveResult> {
  const allowed = archivableApplicationsSql(ctx);
  if (!allowed) return NOT_FOUND;
  return writeTransaction(async (tx) => {
    // Serialised with the decisions about the person: an accept that unarchives cannot interleave.
    const found = await findAndLockCandidate(tx, item.applicationId, allowed);
    if (!found) return NOT_FOUND;
    const current = await tx.jobApplication.findUniqueOrThrow({ where: { id: found.id }, select: { status: true, archivedAt: true } });
    if (current.status !== item.status) return { error: "stale", status: current.status } as const;
    const archived = current.archivedAt !== null;
    if (archived === archive) return { ok: true, changed: false } as const;
    const permitted = archive ? canArchive(current.status, archived, "employer") : canUnarchive(archived, "employer");
    if (!permitted) return { error: "not_allowed", status: current.status } as const;
    await tx.jobApplication.update({
      where: { id: found.id },
      data: archive ? { archivedAt: new Date(), archivedById: ctx.userId } : { archivedAt: null, archivedById: null },
    });
    return { ok: true, changed: true } as const;
  });
}

async function each(ctx: MemberContext, items: readonly ArchiveItem[], archive: boolean): Promise<ArchiveOutcome[]> {
  const outcomes: ArchiveOutcome[] = [];
  // One transaction per application: each is guarded on its own, and one refusal undoes nothing else.
  for (const item of items) outcomes.push({ applicationId: item.applicationId, ...(await setArchived(ctx, item, archive)) });
  return outcomes;
}

/**
 * "Archiver", for one application or a batch: each one only if the member may decide on it
 * (lib/access.ts), it is still in the status they saw, and lib/status.ts allows it (closed
 * applications). One outcome per item, in order.
 */
export function archiveApplications(ctx: MemberContext, items: readonly ArchiveItem[]): Promise<ArchiveOutcome[]> {
  return each(ctx, items, true);
}

/** "Désarchiver": back to the active list, whatever archived it. */
export function unarchiveApplications(ctx: MemberContext, items: readonly ArchiveItem[]): Promise<ArchiveOutcome[]> {
  return each(ctx, items, false);
}

// ——— The daily job ———

const ARCHIVE_BATCH = 1000;
const AUTO_ARCHIVED_STATUSES = APPLICATION_STATUSES.filter(isAutoArchivable);

/**
 * Archives every application that is not accepted and has had no change for AUTO_ARCHIVE_AFTER_DAYS,
 * counted from the start of the day it runs for: neither a status change (statusChangedAt) nor any
 * other write to the row (updatedAt: a take-over, an unarchiving by hand — so that what a member
 * brought back is not archived again the next night). A second run for the same day finds nothing
 * more; a decision meanwhile moves both dates, so the conditional UPDATE skips it.
 */
export async function archiveUntouchedApplications(db: PrismaClient, asOf: Date, now = new Date()) {
  const cutoff = new Date(asOf.getTime() - AUTO_ARCHIVE_AFTER_DAYS * DAY_MS);
  let archived = 0;
  for (;;) {
    const count = await db.$executeRaw`
      UPDATE "JobApplication" SET "archivedAt" = ${ts(now)}, "archivedById" = NULL
      WHERE "id" IN (
        SELECT "id" FROM "JobApplication"
        WHERE "archivedAt" IS NULL
          AND "status"::text = ANY(${AUTO_ARCHIVED_STATUSES as string[]}::text[])
          AND "statusChangedAt" <= ${ts(cutoff)}
          AND "updatedAt" <= ${ts(cutoff)}
        LIMIT ${ARCHIVE_BATCH}
      )`;
    archived += count;
    if (count < ARCHIVE_BATCH) break;
  }
  return { archived };
}

export const archivingJob: Job = {
  name: "archiving",
  description: `archives every application but accepted ones that has had no change for ${AUTO_ARCHIVE_AFTER_DAYS} days`,
  run: ({ db, asOf }) => archiveUntouchedApplications(db, asOf),
};
