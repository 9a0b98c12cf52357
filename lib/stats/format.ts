/** How "Statistiques" writes its figures, in French. Pure and client-safe. */
export const formatCount = (value: number) => value.toLocaleString("fr-FR");

/** A count with its words, agreed in French: 0 and 1 take the singular. */
export function formatCountOf(value: number, singular: string, plural: string): string {
  return `${formatCount(value)} ${value >= 2 ? plural : singular}`;
}

export function formatDays(days: number | null): string {
  if (days === null) return "—";
  const rounded = Math.round(days * 10) / 10;
  return `${rounded.toLocaleString("fr-FR")} jour${rounded >= 2 ? "s" : ""}`;
}

export function formatRate(part: number, whole: number): string {
  if (whole === 0) return "—";
  return `${(Math.round((part / whole) * 1000) / 10).toLocaleString("fr-FR")} %`;
}
