import { StatusBadge } from "@/components/applications/status-badge";
import type { ApplicationStatus } from "@/lib/status";
import "./narrow-status.css";

/**
 * The row's status again, under the candidate's name, on narrow screens only (narrow-status.css).
 * Hidden from assistive tech, which reads the Statut column; with `href`, a link for a finger, out
 * of the keyboard's way: the Statut column's link is the one to tab to.
 */
export function NarrowStatus({ status, href }: { status: ApplicationStatus; href?: string }) {
  if (!href) return <StatusBadge status={status} small className="narrow-status" ariaHidden />;
  return (
    <a href={href} tabIndex={-1} aria-hidden="true" className="narrow-status">
      <StatusBadge status={status} small />
    </a>
  );
}
