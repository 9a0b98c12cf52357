import { ARCHIVED_LABEL, STATUS_BADGE, STATUS_LABELS, type ApplicationStatus } from "@/lib/status";

// The DSFR badge's markup, written here rather than through react-dsfr's Badge, which gives every
// badge a generated id nothing refers to: a list page renders twenty of them (issue 12, page weight).
const badgeClass = (modifiers: (string | false | undefined)[], extra?: string) =>
  ["fr-badge", ...modifiers.filter(Boolean).map((modifier) => `fr-badge--${modifier}`), extra].filter(Boolean).join(" ");

/** `ariaHidden`: a copy for the eyes, where assistive tech reads the status elsewhere. */
export function StatusBadge({
  status,
  small,
  className,
  ariaHidden,
}: {
  status: ApplicationStatus;
  small?: boolean;
  className?: string;
  ariaHidden?: boolean;
}) {
  return (
    <p className={badgeClass([STATUS_BADGE[status], small && "sm", "no-icon"], className)} aria-hidden={ariaHidden || undefined}>
      {STATUS_LABELS[status]}
    </p>
  );
}

/** "Archivée", next to the status on the employer's screens only. */
export function ArchivedBadge({ small }: { small?: boolean }) {
  return (
    <p className={badgeClass([small && "sm", "no-icon"], "fr-ml-1v")} data-testid="archived-badge">
      {ARCHIVED_LABEL}
    </p>
  );
}
