import { BAR_COLOR } from "@/components/stats/chart-colors";

/**
 * Horizontal bars with their labels, drawn in HTML on the server: long French labels wrap as
 * text does. The bars are decoration for the table that follows (hidden from assistive tech).
 */
export function HorizontalBars({ items }: { items: { label: string; value: number }[] }) {
  const max = Math.max(1, ...items.map((item) => item.value));
  return (
    <div className="stats-hbars" aria-hidden="true">
      {items.map((item) => (
        <div key={item.label} className="stats-hbars__row">
          <span className="stats-hbars__label">{item.label}</span>
          <span className="stats-hbars__track">
            <span className="stats-hbars__bar" style={{ width: `${(item.value / max) * 100}%`, background: BAR_COLOR }} />
            <span className="stats-hbars__value">{item.value.toLocaleString("fr-FR")}</span>
          </span>
        </div>
      ))}
    </div>
  );
}
