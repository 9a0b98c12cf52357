import "server-only";
import { prisma, queryRowsDirect, withPreparedStatements } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MemberContext } from "@/lib/auth/guards";
import { deletableNotesWhere, notableApplicationsSql, notableApplicationsWhere } from "@/lib/access";
import type { AddNoteInput, DeleteNoteInput } from "@/lib/applications/note-validation";

type Ctx = Pick<MemberContext, "userId" | "organizationId" | "organizationKind">;

export interface ApplicationNoteView {
  id: string;
  body: string;
  createdAt: Date;
  author: { id: string; firstName: string; lastName: string };
  /** The reader wrote it: they may delete it. */
  mine: boolean;
}

/**
 * The team's notes on one application, oldest first; [] for anyone outside the receiving
 * employer's active members (the prescriber side never gets here with a result). Straight from the
 * driver, prepared (lib/db.ts): read on every view of the application's page (issue 12).
 */
export async function listApplicationNotes(ctx: Ctx, applicationId: string): Promise<ApplicationNoteView[]> {
  const notable = notableApplicationsSql(ctx);
  if (!notable || !applicationId || applicationId.length > 64) return [];
  const rows = await withPreparedStatements(() =>
    queryRowsDirect<{ id: string; body: string; createdAt: Date; authorId: string; authorFirstName: string; authorLastName: string }>(
      Prisma.sql`SELECT n.id, n.body, n."createdAt", u.id AS "authorId", u."firstName" AS "authorFirstName", u."lastName" AS "authorLastName"
        FROM "ApplicationNote" n
        JOIN "JobApplication" a ON a.id = n."applicationId"
        JOIN "User" u ON u.id = n."authorId"
        WHERE n."applicationId" = ${applicationId} AND ${notable}
        ORDER BY n."createdAt", n.id`,
    ),
  );
  return rows.map((row) => ({
    id: row.id,
    body: row.body,
    createdAt: row.createdAt,
    author: { id: row.authorId, firstName: row.authorFirstName, lastName: row.authorLastName },
    mine: row.authorId === ctx.userId,
  }));
}

export type NoteResult = { ok: true } | { error: "not_found" };

/** Adds a note if the member may annotate this application; otherwise not_found (a 404, no hint). */
export async function addApplicationNote(ctx: Ctx, input: AddNoteInput): Promise<NoteResult> {
  const application = notableApplicationsWhere(ctx);
  if (!application) return { error: "not_found" };
  const found = await prisma.jobApplication.findFirst({ where: { AND: [{ id: input.applicationId }, application] }, select: { id: true } });
  if (!found) return { error: "not_found" };
  await prisma.applicationNote.create({ data: { applicationId: found.id, authorId: ctx.userId, body: input.body } });
  return { ok: true };
}

/** Deletes the member's own note; someone else's (or an unknown id) is not_found. */
export async function deleteApplicationNote(ctx: Ctx, input: DeleteNoteInput): Promise<NoteResult & { applicationId?: string }> {
  const where = deletableNotesWhere(ctx);
  if (!where) return { error: "not_found" };
  const note = await prisma.applicationNote.findFirst({ where: { AND: [{ id: input.noteId }, where] }, select: { applicationId: true } });
  if (!note) return { error: "not_found" };
  // deleteMany with the same filter: a note whose author left the team meanwhile stays.
  const { count } = await prisma.applicationNote.deleteMany({ where: { AND: [{ id: input.noteId }, where] } });
  return count === 1 ? { ok: true, applicationId: note.applicationId } : { error: "not_found" };
}
