// "Commentaires internes" (issue 10 item 6): one schema per action, shared by the form and the action.
import { z } from "zod";
import { isMultiLineText, MULTI_LINE_ERROR } from "@/lib/text-validation";

export const NOTE_MAX_LENGTH = 2000;

const id = z.string().trim().min(1).max(64);

export const addNoteSchema = z.object({
  applicationId: id,
  body: z
    .string({ error: "Saisissez le commentaire." })
    .trim()
    .min(1, { error: "Saisissez le commentaire.", abort: true })
    .max(NOTE_MAX_LENGTH, `Ce commentaire est trop long (${NOTE_MAX_LENGTH} caractères au maximum).`)
    .refine(isMultiLineText, MULTI_LINE_ERROR),
});
export type AddNoteInput = z.output<typeof addNoteSchema>;

export const deleteNoteSchema = z.object({ noteId: id });
export type DeleteNoteInput = z.output<typeof deleteNoteSchema>;
