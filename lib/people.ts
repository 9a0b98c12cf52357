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

/**
 * How a candidate reaches the adviser who sent an application: the adviser's work address while
 * they are a member of the sending organisation; once they have left, the organisation's contact
 * address (never a former member's); else none.
 */
export function adviserContactEmail(sender: { isMember: boolean; email: string; organizationContactEmail: string | null }): string | null {
  return sender.isMember ? sender.email : sender.organizationContactEmail;
}
