import "server-only";
import { prisma, withPreparedStatements } from "@/lib/db";
import type { MemberContext } from "@/lib/auth/guards";
import { deletableNotesWhere, notableApplicationsWhere } from "@/lib/access";
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
 * employer's active members (the prescriber side never gets here with a result).
 */
export async function listApplicationNotes(ctx: Ctx, applicationId: string): Promise<ApplicationNoteView[]> {
  const application = notableApplicationsWhere(ctx);
  if (!application || !applicationId || applicationId.length > 64) return [];
  // Prepared (lib/db.ts withPreparedStatements): one application's notes.
  const notes = await withPreparedStatements(() =>
    prisma.applicationNote.findMany({
      where: { applicationId, application },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, body: true, createdAt: true, author: { select: { id: true, firstName: true, lastName: true } } },
    }),
  );
  return notes.map((note) => ({ ...note, mine: note.author.id === ctx.userId }));
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
