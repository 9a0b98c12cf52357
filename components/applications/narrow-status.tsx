import { StatusBadge } from "@/components/applications/status-badge";
import type { ApplicationStatus } from "@/lib/status";
import "./narrow-status.css";

/**
 * The ref of a list's <table>: marks it `data-status-column="in-view"` or `"off-view"` as its
 * Statut column (the header marked `data-status-column`) fits in the visible width or not, table
 * scrolled to its start, and again whenever that width or the table changes (a tablet turned, other rows).
 * A tablet whose table fits then shows each status once; a phone, or a tablet where it does not
 * fit, twice, the copy in view.
 */
export function watchStatusColumn(table: HTMLTableElement | null): (() => void) | undefined {
  const header = table?.querySelector<HTMLElement>("th[data-status-column]");
  const scroller = table?.parentElement;
  if (!table || !header || !scroller) return undefined;
  const measure = () => {
    const box = scroller.getBoundingClientRect();
    const headerRight = header.getBoundingClientRect().right - box.left + scroller.scrollLeft;
    const visibleWidth = Math.min(scroller.clientWidth, document.documentElement.clientWidth - box.left);
    table.dataset.statusColumn = headerRight <= visibleWidth + 1 ? "in-view" : "off-view";
  };
  // The table too: other rows (a filter, the next page) move the column. Showing the copies only
  // widens the table and hiding them only narrows it, so a measure never undoes itself.
  const observer = new ResizeObserver(measure);
  observer.observe(scroller);
  observer.observe(table);
  return () => observer.disconnect();
}

/**
 * The row's status again, under the candidate's name, when the Statut column is out of view
 * (narrow-status.css, watchStatusColumn).
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
