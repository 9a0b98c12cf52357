import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { ARCHIVED_LABEL, STATUS_BADGE, STATUS_LABELS, type ApplicationStatus } from "@/lib/status";

export function StatusBadge({ status, small }: { status: ApplicationStatus; small?: boolean }) {
  const severity = STATUS_BADGE[status];
  return (
    <Badge small={small} noIcon {...(severity ? { severity } : {})}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}

/** "Archivée", next to the status on the employer's screens only. */
export function ArchivedBadge({ small }: { small?: boolean }) {
  return (
    <Badge small={small} noIcon className="fr-ml-1v" data-testid="archived-badge">
      {ARCHIVED_LABEL}
    </Badge>
  );
}
