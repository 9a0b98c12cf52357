/**
 * Filtered counts stop at a cap (issue 12): counting every match of a broad filter on a large
 * employer (a period, a prescriber organisation) would read hundreds of thousands of rows on every
 * page view. Past the cap a list says "10 000 et plus". Client-safe.
 */
export const COUNT_CAP = 10_000;

/** A count as the lists write it, in French; `capped` when it may have stopped at the cap. */
export function formatListCount(count: number, capped: boolean): string {
  return capped && count > COUNT_CAP ? `${COUNT_CAP.toLocaleString("fr-FR")} et plus` : count.toLocaleString("fr-FR");
}
