import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { STATUS_BADGE, STATUS_LABELS, type ApplicationStatus } from "@/lib/status";

export function StatusBadge({ status, small }: { status: ApplicationStatus; small?: boolean }) {
  const severity = STATUS_BADGE[status];
  return (
    <Badge small={small} noIcon {...(severity ? { severity } : {})}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}
