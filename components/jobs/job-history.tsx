import Link from "@/components/link";
import { personName } from "@/lib/people";
import { jobPath } from "@/lib/routes";
import {
  CONTRACT_TYPE_LABELS,
  JOB_CHANGE_LABELS,
  JOB_FIELD_LABELS,
  type ContractType,
  type JobChangeAction,
  type JobField,
} from "@/lib/job-descriptions/vocabulary";

const MOMENT = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });

export interface JobChangeItem {
  id: string;
  action: string;
  changes: unknown;
  createdAtIso: string;
  actor: { firstName: string; lastName: string; email: string };
  job: { id: string; title: string } | null;
}

function fieldValue(field: JobField, value: unknown): string {
  if (field === "contractType") return CONTRACT_TYPE_LABELS[value as ContractType] ?? String(value);
  const text = String(value ?? "");
  return text.length > 80 ? `${text.slice(0, 80)}…` : text || "(vide)";
}

function describeChanges(changes: unknown): string[] {
  if (!Array.isArray(changes)) return [];
  return changes.flatMap((change: { field?: string; from?: unknown; to?: unknown }) => {
    const field = change.field as JobField;
    if (!(field in JOB_FIELD_LABELS)) return [];
    return [`${JOB_FIELD_LABELS[field]}\u00a0: ${fieldValue(field, change.from)} → ${fieldValue(field, change.to)}`];
  });
}

/** "Historique des modifications", read by every member of the employer. */
export function JobHistory({ changes }: { changes: JobChangeItem[] }) {
  return (
    <section className="fr-mt-6w" aria-labelledby="job-history-title">
      <h2 id="job-history-title" className="fr-h4">
        Historique des modifications
      </h2>
      {changes.length === 0 ? (
        <p>Aucune modification pour l&apos;instant.</p>
      ) : (
        <ol className="fr-raw-list">
          {changes.map((change) => {
            const details = describeChanges(change.changes);
            return (
              <li key={change.id} className="fr-mb-2w">
                <p className="fr-mb-0">
                  <strong>{personName(change.actor) || change.actor.email}</strong>{" "}
                  {JOB_CHANGE_LABELS[change.action as JobChangeAction] ?? change.action}
                  {change.job && (
                    <>
                      {" "}
                      «&nbsp;<Link href={jobPath(change.job.id)}>{change.job.title}</Link>&nbsp;»
                    </>
                  )}
                  <span className="fr-hint-text">
                    le <time dateTime={change.createdAtIso}>{MOMENT.format(new Date(change.createdAtIso))}</time>
                  </span>
                </p>
                {details.length > 0 && (
                  <ul className="fr-text--sm fr-mb-0">
                    {details.map((detail) => (
                      <li key={detail}>{detail}</li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
