"use client";
import { useRef, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { addNoteAction, deleteNoteAction } from "@/lib/applications/note-actions";
import { addNoteSchema, NOTE_MAX_LENGTH } from "@/lib/applications/note-validation";
import { fieldState, UNEXPECTED_ERROR } from "@/components/applications/decision-form-kit";
import { formatDayAndTime } from "@/components/applications/format";

export interface NoteItem {
  id: string;
  body: string;
  createdAt: string;
  authorName: string;
  mine: boolean;
}

/**
 * "Commentaires internes" (issue 10 item 6): the employer team's notes on an application, with
 * author and date; the author deletes their own. Rendered only on the employer's side of the page.
 */
export function InternalNotes({ applicationId, notes }: { applicationId: string; notes: NoteItem[] }) {
  const [notice, setNotice] = useState<{ severity: "success" | "error"; message: string } | null>(null);
  const [isDeleting, startDelete] = useTransition();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const form = useForm({ resolver: zodResolver(addNoteSchema), defaultValues: { applicationId, body: "" } });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setNotice(null);
    try {
      const result = await addNoteAction(values);
      if (result.ok) {
        form.reset({ applicationId, body: "" });
        // The action's answer carries the page with the new note: no second request.
        setNotice({ severity: "success", message: "Commentaire ajouté." });
        return;
      }
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
        if (field === "body" && message) form.setError("body", { message });
      }
      form.setError("root.server", { message: result.error });
    } catch {
      form.setError("root.server", { message: UNEXPECTED_ERROR });
    }
  });

  function remove(noteId: string) {
    setNotice(null);
    startDelete(async () => {
      try {
        const result = await deleteNoteAction({ noteId });
        setNotice(result.ok ? { severity: "success", message: "Commentaire supprimé." } : { severity: "error", message: result.error });
      } catch {
        setNotice({ severity: "error", message: UNEXPECTED_ERROR });
      }
      // The button that had the focus is gone: back to the section's heading.
      headingRef.current?.focus();
    });
  }

  return (
    <section aria-labelledby="notes-title" className="fr-mt-3w fr-mb-5w">
      <h2 id="notes-title" className="fr-h4" ref={headingRef} tabIndex={-1}>
        Commentaires internes
      </h2>
      <p className="fr-text--sm">
        Visibles uniquement par votre équipe&nbsp;: jamais par le prescripteur ni par le candidat, et jamais dans un e-mail.
      </p>
      <div role="status">{notice?.severity === "success" && <Alert severity="success" small description={notice.message} />}</div>
      {notice?.severity === "error" && <Alert className="fr-mb-2w" severity="error" small description={notice.message} role="alert" />}
      {notes.length === 0 ? (
        <p>Aucun commentaire pour le moment.</p>
      ) : (
        <ul className="fr-raw-list fr-mb-3w" data-testid="internal-notes">
          {notes.map((note) => (
            <li key={note.id} className="fr-p-2w fr-mb-2w fr-background-alt--grey">
              <p className="fr-text--sm fr-mb-1w">
                <strong>{note.authorName}</strong>, le <time dateTime={note.createdAt}>{formatDayAndTime(note.createdAt)}</time>
              </p>
              <p className="fr-mb-1w" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                {note.body}
              </p>
              {note.mine && (
                <button
                  type="button"
                  className="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-delete-line fr-btn--icon-left"
                  disabled={isDeleting}
                  onClick={() => remove(note.id)}
                >
                  Supprimer<span className="fr-sr-only"> votre commentaire du {formatDayAndTime(note.createdAt)}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(event) => (isSubmitting ? event.preventDefault() : submit(event))} noValidate aria-labelledby="add-note-title">
        <h3 id="add-note-title" className="fr-h6">
          Ajouter un commentaire
        </h3>
        <Input
          label="Commentaire"
          hintText={`${NOTE_MAX_LENGTH} caractères au maximum`}
          textArea
          nativeTextAreaProps={{ ...form.register("body"), rows: 3, maxLength: NOTE_MAX_LENGTH }}
          {...fieldState(errors.body?.message)}
        />
        {errors.root?.server?.message && (
          <Alert className="fr-mb-2w" severity="error" small description={errors.root.server.message} role="alert" />
        )}
        {/* aria-disabled, not disabled: a disabled button drops the keyboard focus to the page's top. */}
        <button type="submit" className="fr-btn fr-btn--secondary" aria-disabled={isSubmitting}>
          Ajouter le commentaire
        </button>
      </form>
    </section>
  );
}
