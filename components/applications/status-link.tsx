import Link from "@/components/link";
import { StatusBadge } from "@/components/applications/status-badge";
import type { ApplicationStatus } from "@/lib/status";

/**
 * The status badge of a table row as the link to the application. The hidden text names the
 * application, so that a screen reader's list of links tells the rows apart. `plain`: a plain
 * anchor, in a table that navigates through components/anchor-navigation.ts.
 */
export function StatusLink({
  href,
  status,
  description,
  plain = false,
}: {
  href: string;
  status: ApplicationStatus;
  description: string;
  plain?: boolean;
}) {
  const Anchor = plain ? "a" : Link;
  return (
    // The badge is a block (<p>): an inline-block link keeps the whole badge clickable.
    <Anchor href={href} style={{ display: "inline-block" }}>
      <span className="fr-sr-only">{description}&nbsp;: </span>
      <StatusBadge status={status} small />
    </Anchor>
  );
}
