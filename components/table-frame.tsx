import type { HTMLAttributes, ReactNode } from "react";

/**
 * The DSFR table's frame (1.12+ markup) around a <table>: on a phone the table scrolls sideways in
 * its own box, not the page. `scrollLabel` names that box and lets the keyboard reach it, for a
 * table with nothing focusable in it (axe: scrollable-region-focusable). Other attributes go to the
 * outer element.
 */
export function TableFrame({
  children,
  noCaption = false,
  scrollLabel,
  className,
  ...outer
}: { children: ReactNode; noCaption?: boolean; scrollLabel?: string } & HTMLAttributes<HTMLDivElement>) {
  const scroller = scrollLabel ? { tabIndex: 0, role: "region", "aria-label": scrollLabel } : {};
  return (
    <div className={["fr-table", noCaption && "fr-table--no-caption", className].filter(Boolean).join(" ")} {...outer}>
      <div className="fr-table__wrapper">
        <div className="fr-table__container" {...scroller}>
          <div className="fr-table__content">{children}</div>
        </div>
      </div>
    </div>
  );
}
