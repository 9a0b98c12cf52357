"use client";
import { useEffect, useRef, useState, useTransition, type KeyboardEvent } from "react";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { processAction, takeOverAction } from "@/lib/applications/decision-actions";
import type { ActionResult } from "@/lib/action-result";
import {
  EVENT_NOTIFICATIONS,
  STATUS_LABELS,
  TAKE_OVER,
  TRANSITIONS,
  availableTransitions,
  canTakeOver,
  type ApplicationStatus,
  type UserTransitionName,
} from "@/lib/status";
import {
  UNEXPECTED_ERROR,
  type DecisionFormProps,
  type DecisionOutcome,
  type HireableJob,
} from "@/components/applications/decision-form-kit";
import { AcceptForm } from "@/components/applications/accept-form";
import { CancelForm } from "@/components/applications/cancel-form";
import { PostponeForm } from "@/components/applications/postpone-form";
import { RefuseForm } from "@/components/applications/refuse-form";
import { quoted } from "@/lib/french";

type FormTransition = Exclude<UserTransitionName, "process">;
const FORMS: Record<FormTransition, (props: DecisionFormProps) => React.ReactNode> = {
  postpone: PostponeForm,
  accept: AcceptForm,
  refuse: RefuseForm,
  cancel: CancelForm,
};

type Notice = { severity: "success" | "warning" | "error"; message: string };

function successMessage(transition: UserTransitionName, candidateHasEmail: boolean): string {
  const status = `La candidature est maintenant ${quoted(STATUS_LABELS[TRANSITIONS[transition].to])}.`;
  if (transition === "process")
    return `Vous prenez en charge cette candidature. ${status} Personne n'est prévenu par e-mail à cette étape.`;
  return `${status} ${informedNow(transition, candidateHasEmail)}`;
}

/** The decision forms' informedByEmail, now that it is done. */
function informedNow(transition: UserTransitionName, candidateHasEmail: boolean): string {
  if (!EVENT_NOTIFICATIONS[transition].candidate) return "Le prescripteur en est informé par e-mail.";
  return candidateHasEmail
    ? "Le prescripteur et le candidat en sont informés par e-mail."
    : "Le prescripteur en est informé par e-mail\u00a0; il préviendra le candidat, qui n'a pas donné d'adresse e-mail.";
}

/**
 * The employer's buttons on /applications/[id]: exactly those lib/status.ts allows from the
 * current status. "J'étudie la candidature" acts at once; the others open their form below the
 * buttons (a disclosure: keyboard-friendly, focus goes into the form and back on close).
 */
export function DecisionPanel({
  applicationId,
  status,
  isHandler,
  jobs = [],
  candidateHasEmail,
}: {
  applicationId: string;
  status: ApplicationStatus;
  isHandler: boolean;
  jobs?: HireableJob[];
  candidateHasEmail: boolean;
}) {
  const [open, setOpen] = useState<FormTransition | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [isPending, startTransition] = useTransition();
  const noticeRef = useRef<HTMLDivElement>(null);
  const toggles = useRef<Partial<Record<FormTransition, HTMLButtonElement | null>>>({});

  const transitions = availableTransitions(status, "employer");
  const showTakeOver = canTakeOver(status, "employer") && !isHandler;

  // A notice replaces the form the user was in: move the keyboard focus to it.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  function close(transition: FormTransition) {
    setOpen(null);
    toggles.current[transition]?.focus();
  }

  function settle(transition: UserTransitionName | typeof TAKE_OVER.name, outcome: DecisionOutcome) {
    setOpen(null);
    if (outcome.kind === "ok") {
      setNotice({
        severity: "success",
        message: transition === TAKE_OVER.name ? "Vous prenez en charge cette candidature." : successMessage(transition, candidateHasEmail),
      });
    } else {
      setNotice({ severity: "warning", message: outcome.message });
    }
    // No router.refresh(): the action's answer already carries the page as it now is, whether the
    // decision went through or the status had moved under us (a second request for the same page).
  }

  function runImmediate(transition: "process" | typeof TAKE_OVER.name, action: (input: unknown) => Promise<ActionResult>) {
    setNotice(null);
    startTransition(async () => {
      try {
        const result = await action({ applicationId, status });
        if (result.ok) settle(transition, { kind: "ok" });
        else if (result.stale) settle(transition, { kind: "stale", message: result.error });
        else setNotice({ severity: "error", message: result.error });
      } catch {
        setNotice({ severity: "error", message: UNEXPECTED_ERROR });
      }
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Escape" && open) {
      event.preventDefault();
      close(open);
    }
  }

  const OpenForm = open ? FORMS[open] : null;

  return (
    <section aria-labelledby="decision-title" className="fr-mb-5w" onKeyDown={onKeyDown}>
      <h2 id="decision-title" className="fr-h4">
        Décision
      </h2>
      {notice && (
        <div ref={noticeRef} tabIndex={-1} className="fr-mb-3w">
          <Alert severity={notice.severity} small description={notice.message} role={notice.severity === "success" ? "status" : "alert"} />
        </div>
      )}
      {transitions.length === 0 && !showTakeOver ? (
        <p>Aucune action n&apos;est possible pour une candidature au statut {quoted(STATUS_LABELS[status])}.</p>
      ) : (
        <ul className="fr-btns-group fr-btns-group--inline-md">
          {showTakeOver && (
            <li>
              <button
                type="button"
                className="fr-btn fr-btn--secondary"
                disabled={isPending}
                onClick={() => runImmediate(TAKE_OVER.name, takeOverAction)}
              >
                {TAKE_OVER.buttonLabel}
              </button>
            </li>
          )}
          {transitions.map((transition) =>
            transition === "process" ? (
              <li key={transition}>
                <button type="button" className="fr-btn" disabled={isPending} onClick={() => runImmediate("process", processAction)}>
                  {TRANSITIONS.process.buttonLabel}
                </button>
              </li>
            ) : (
              <li key={transition}>
                <button
                  type="button"
                  ref={(element) => {
                    toggles.current[transition] = element;
                  }}
                  className={open === transition ? "fr-btn" : "fr-btn fr-btn--secondary"}
                  aria-expanded={open === transition}
                  aria-controls={`decision-form-${transition}`}
                  disabled={isPending}
                  onClick={() => {
                    setNotice(null);
                    setOpen(open === transition ? null : transition);
                  }}
                >
                  {TRANSITIONS[transition].buttonLabel}
                </button>
              </li>
            ),
          )}
        </ul>
      )}
      {transitions
        .filter((transition): transition is FormTransition => transition !== "process")
        .map((transition) => (
          <div
            key={transition}
            id={`decision-form-${transition}`}
            hidden={open !== transition}
            className="fr-p-3w fr-mt-2w fr-background-alt--grey"
          >
            {open === transition && OpenForm && (
              <OpenForm
                applicationId={applicationId}
                status={status}
                jobs={jobs}
                candidateHasEmail={candidateHasEmail}
                onOutcome={(outcome) => settle(transition, outcome)}
                onClose={() => close(transition)}
              />
            )}
          </div>
        ))}
    </section>
  );
}
