/** "Prénom Nom", the way every screen, email and export names a person. Pure and client-safe. */
export function personName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`.trim();
}
