"use client";
import { useState, useTransition } from "react";
import Link from "@/components/link";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { batchDecisionAction, type BatchActionData } from "@/lib/applications/batch-actions";
import {
  BATCH_ACTIONS,
  BATCH_MAX_SIZE,
  BATCH_TOO_LARGE,
  batchPostponeFieldsSchema,
  batchRefuseFieldsSchema,
  type BatchAction,
} from "@/lib/applications/batch-validation";
import { MESSAGE_MAX_LENGTH } from "@/lib/applications/decision-validation";
import type { ActionResult } from "@/lib/action-result";
import { RefusalFields } from "@/components/applications/refusal-fields";
import {
  DEFAULT_POSTPONE_MESSAGE,
  ARCHIVE,
  TRANSITIONS,
  UNARCHIVE,
  can,
  canArchive,
  canUnarchive,
  type ApplicationStatus,
} from "@/lib/status";
import {
  FocusedNotice,
  FormFooter,
  UNEXPECTED_ERROR,
  fieldState,
  useActionSubmit,
  useFocusOnOpen,
  useFocusedNotice,
} from "@/components/applications/decision-form-kit";
import { applicationPath } from "@/lib/routes";
import { ofName } from "@/lib/french";
import "./batch-bar.css";

export interface SelectedApplication {
  id: string;
  status: ApplicationStatus;
  archived: boolean;
  name: string;
}

type FormAction = "postpone" | "refuse";

const BUTTON_LABELS: Record<BatchAction, string> = {
  process: TRANSITIONS.process.buttonLabel!,
  postpone: TRANSITIONS.postpone.buttonLabel!,
  refuse: TRANSITIONS.refuse.buttonLabel!,
  archive: ARCHIVE.buttonLabel,
  unarchive: UNARCHIVE.buttonLabel,
};

const count = (n: number) =>
  n === 0 ? "Aucune candidature sélectionnée" : n === 1 ? "1 candidature sélectionnée" : `${n} candidatures sélectionnées`;

/**
 * The action bar of "Candidatures reçues": only the actions lib/status.ts allows for every
 * selected application; "Accepter" for exactly one (its own page, where the hiring dates are
 * entered). Each application is then decided on its own, as if one by one (lib/applications/batch.ts).
 */
export function BatchBar({
  selection,
  onSettled,
  hasRows,
}: {
  selection: SelectedApplication[];
  onSettled: () => void;
  /** No row on the page: the bar only stays to show the result of the last batch. */
  hasRows: boolean;
}) {
  const [open, setOpen] = useState<FormAction | null>(null);
  const { notice, setNotice, noticeRef } = useFocusedNotice();
  const [isPending, startTransition] = useTransition();

  const items = selection.map((row) => ({ applicationId: row.id, status: row.status }));
  const allowedFor = (action: BatchAction, row: SelectedApplication) =>
    action === "archive"
      ? canArchive(row.status, row.archived, "employer")
      : action === "unarchive"
        ? canUnarchive(row.archived, "employer")
        : can(action, row.status, "employer");
  const allowed = (action: BatchAction) => selection.length > 0 && selection.every((row) => allowedFor(action, row));
  const single = selection.length === 1 && can("accept", selection[0]!.status, "employer") ? selection[0]! : null;
  const tooMany = selection.length > BATCH_MAX_SIZE;
  const actions = BATCH_ACTIONS.filter(allowed);

  /** The server's answer, shown above the list; the action's answer carries the list as it now is. */
  function settle(result: ActionResult<BatchActionData>) {
    setOpen(null);
    if (result.ok) {
      setNotice({ severity: result.failed ? "warning" : "success", message: result.message });
    } else {
      setNotice({ severity: result.stale ? "warning" : "error", message: result.error });
      if (!result.stale) return;
    }
    onSettled();
  }

  /** The actions without a form: "J'étudie la candidature", "Archiver", "Désarchiver". */
  function runNow(action: "process" | "archive" | "unarchive") {
    setNotice(null);
    startTransition(async () => {
      try {
        settle(await batchDecisionAction({ action, items }));
      } catch {
        setNotice({ severity: "error", message: UNEXPECTED_ERROR });
      }
    });
  }

  if (!hasRows && !notice) return null;

  return (
    <section
      aria-labelledby="batch-title"
      // Kept in view while rows are selected (batch-bar.css); not with a form open, which may be taller than the window.
      className={`fr-p-2w fr-mb-2w fr-background-alt--blue-france${selection.length > 0 && !open ? " batch-bar--sticky" : ""}`}
      data-testid="batch-bar"
    >
      <h2 id="batch-title" className="fr-sr-only">
        Actions sur les candidatures sélectionnées
      </h2>
      <p aria-live="polite" className="fr-text--bold fr-mb-1w" data-testid="selected-count">
        {count(selection.length)}
      </p>
      <FocusedNotice notice={notice} noticeRef={noticeRef} className="fr-mb-2w" />
      {tooMany ? (
        <p className="fr-error-text fr-mt-0">{BATCH_TOO_LARGE}</p>
      ) : selection.length === 0 ? (
        <p className="fr-text--sm fr-mb-0">Cochez des candidatures pour agir sur plusieurs à la fois.</p>
      ) : actions.length === 0 && !single ? (
        <p className="fr-text--sm fr-mb-0">Aucune action n&apos;est possible pour toutes les candidatures sélectionnées à la fois.</p>
      ) : (
        // Side by side on a phone too: the shorter the bar, the less of the list it covers while it stays in view.
        <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-mb-0">
          {actions.map((action) =>
            action === "process" || action === "archive" || action === "unarchive" ? (
              <li key={action}>
                <button
                  type="button"
                  className={action === "process" ? "fr-btn fr-btn--sm" : "fr-btn fr-btn--sm fr-btn--tertiary"}
                  disabled={isPending}
                  onClick={() => runNow(action)}
                >
                  {BUTTON_LABELS[action]}
                </button>
              </li>
            ) : (
              <li key={action}>
                <button
                  type="button"
                  className={open === action ? "fr-btn fr-btn--sm" : "fr-btn fr-btn--sm fr-btn--secondary"}
                  aria-expanded={open === action}
                  aria-controls={`batch-form-${action}`}
                  disabled={isPending}
                  onClick={() => {
                    setNotice(null);
                    setOpen(open === action ? null : action);
                  }}
                >
                  {BUTTON_LABELS[action]}
                </button>
              </li>
            ),
          )}
          {single && (
            <li>
              <Link className="fr-btn fr-btn--sm fr-btn--tertiary" href={applicationPath(single.id)}>
                {TRANSITIONS.accept.buttonLabel}
                <span className="fr-sr-only"> la candidature {ofName(single.name)} (sur sa page)</span>
              </Link>
            </li>
          )}
        </ul>
      )}
      {(["postpone", "refuse"] as const).map((action) => (
        <div key={action} id={`batch-form-${action}`} hidden={open !== action} className="fr-p-3w fr-mt-2w fr-background-default--grey">
          {open === action && actions.includes(action) && !tooMany && (
            <>
              {action === "refuse" ? (
                <BatchRefuseForm items={items} onResult={settle} onClose={() => setOpen(null)} />
              ) : (
                <BatchPostponeForm items={items} onResult={settle} onClose={() => setOpen(null)} />
              )}
            </>
          )}
        </div>
      ))}
    </section>
  );
}

type Items = { applicationId: string; status: ApplicationStatus }[];
interface BatchFormProps {
  items: Items;
  onResult: (result: ActionResult<BatchActionData>) => void;
  onClose: () => void;
}

const plural = (n: number) => (n === 1 ? "la candidature sélectionnée" : `les ${n} candidatures`);

/** "Décliner" for all: one reason, one answer to the candidates (prefilled, editable), one optional private message. */
function BatchRefuseForm({ items, onResult, onClose }: BatchFormProps) {
  const form = useForm({
    resolver: zodResolver(batchRefuseFieldsSchema),
    defaultValues: { refusalReason: "" as never, answerToCandidate: "", answerToPrescriber: "" },
  });
  const { errors, isSubmitting } = form.formState;
  useFocusOnOpen(form, "refusalReason");
  const submit = useActionSubmit(form, (values) => batchDecisionAction({ action: "refuse", items, ...values }), onResult);

  return (
    <form onSubmit={submit} noValidate aria-labelledby="batch-refuse-title">
      <h3 id="batch-refuse-title" className="fr-h5">
        Décliner {plural(items.length)}
      </h3>
      <p className="fr-text--sm">
        Le même motif, la même réponse et le même message privé s&apos;appliquent à chaque candidature. Chaque prescripteur reçoit le motif,
        la réponse au candidat et votre éventuel message privé&nbsp;; chaque candidat reçoit uniquement la réponse, jamais le motif.
      </p>
      <RefusalFields form={form} several />
      <FormFooter
        submitLabel={`Décliner ${plural(items.length)}`}
        submitting={isSubmitting}
        serverError={errors.root?.server?.message}
        onClose={onClose}
      />
    </form>
  );
}

/** "Embaucher plus tard" for all: one message to the candidates, prefilled and editable. */
function BatchPostponeForm({ items, onResult, onClose }: BatchFormProps) {
  const form = useForm({
    resolver: zodResolver(batchPostponeFieldsSchema),
    defaultValues: { answerToCandidate: DEFAULT_POSTPONE_MESSAGE },
  });
  const { errors, isSubmitting } = form.formState;
  useFocusOnOpen(form, "answerToCandidate");
  const submit = useActionSubmit(form, (values) => batchDecisionAction({ action: "postpone", items, ...values }), onResult);

  return (
    <form onSubmit={submit} noValidate aria-labelledby="batch-postpone-title">
      <h3 id="batch-postpone-title" className="fr-h5">
        Embaucher plus tard&nbsp;: {plural(items.length)}
      </h3>
      <p className="fr-text--sm">
        Chaque candidature passera au statut «&nbsp;Embauche pour plus tard&nbsp;». Chaque candidat et son prescripteur recevront ce message
        &nbsp;; l&apos;embauche n&apos;est pas garantie.
      </p>
      <Input
        label="Message aux candidats"
        textArea
        nativeTextAreaProps={{ ...form.register("answerToCandidate"), rows: 5, maxLength: MESSAGE_MAX_LENGTH }}
        {...fieldState(errors.answerToCandidate?.message)}
      />
      <FormFooter
        submitLabel={`Confirmer pour ${plural(items.length)}`}
        submitting={isSubmitting}
        serverError={errors.root?.server?.message}
        onClose={onClose}
      />
    </form>
  );
}
