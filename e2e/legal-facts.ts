/** The operator's legal facts the end-to-end server runs with (playwright.config.ts), shown on /mentions-legales. */
export const E2E_LEGAL = {
  LEGAL_PUBLISHER: "GIP Exemple des tests, 1 rue de l'Exemple, 75000 Paris",
  LEGAL_PUBLICATION_DIRECTOR: "Claire Exemple, directrice",
  LEGAL_HOST: "Hébergeur Exemple SAS, 2 avenue des Tests, 67000 Strasbourg, 03 00 00 00 00",
};
