/** "Prénom Nom", the way every screen, email and export names a person. Pure and client-safe. */
export function personName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`.trim();
}

/** A name as people mean it: case, accents and spacing aside ("Chloé  DUBOIS" = "chloe dubois"). */
export function normalizeName(value: string): string {
  return value.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/** Whether two records name the same person: first and last names equal once normalised. */
export function sameName(a: { firstName: string; lastName: string }, b: { firstName: string; lastName: string }): boolean {
  return normalizeName(a.firstName) === normalizeName(b.firstName) && normalizeName(a.lastName) === normalizeName(b.lastName);
}
