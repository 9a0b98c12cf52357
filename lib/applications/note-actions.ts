"use server";
// "Commentaires internes" (issue 10 item 6): thin server actions over lib/applications/notes.ts.
import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { requireMember } from "@/lib/auth/guards";
import { invalidInput, type ActionResult } from "@/lib/action-result";
import { addNoteSchema, deleteNoteSchema } from "@/lib/applications/note-validation";
import { addApplicationNote, deleteApplicationNote } from "@/lib/applications/notes";
import { applicationPath } from "@/lib/routes";

const UNEXPECTED = "Une erreur inattendue est survenue, rien n'a été enregistré. Réessayez dans un instant.";

export async function addNoteAction(input: unknown): Promise<ActionResult> {
  const parsed = addNoteSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const member = await requireMember("EMPLOYER");
  let result;
  try {
    result = await addApplicationNote(member, parsed.data);
  } catch (error) {
    console.error("Adding a note failed", error);
    return { ok: false, error: UNEXPECTED };
  }
  // Another organisation's application, or none: the same 404 as its page.
  if ("error" in result) notFound();
  revalidatePath(applicationPath(parsed.data.applicationId));
  return { ok: true };
}

export async function deleteNoteAction(input: unknown): Promise<ActionResult> {
  const parsed = deleteNoteSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const member = await requireMember("EMPLOYER");
  let result;
  try {
    result = await deleteApplicationNote(member, parsed.data);
  } catch (error) {
    console.error("Deleting a note failed", error);
    return { ok: false, error: UNEXPECTED };
  }
  // A colleague's note reads as a refusal, not a 404: the member sees it on the page.
  if ("error" in result) return { ok: false, error: "Vous ne pouvez supprimer que les commentaires que vous avez écrits.", notFound: true };
  revalidatePath(applicationPath(result.applicationId!));
  return { ok: true };
}
