/**
 * What the footer and the legal pages both say, written once so that they cannot disagree.
 * The operator's own facts (publisher, host) are deployment settings: env.legal.
 */

/**
 * RGAA status of the service. No audit has been made yet, and the RGAA says a service without one
 * declares itself "non conforme", whatever its automated checks find.
 */
export const ACCESSIBILITY_COMPLIANCE = "non compliant" as const;
/** The day the accessibility declaration was written; change it with the declaration. */
export const ACCESSIBILITY_DECLARATION_DAY = "1er décembre 2026";

/** Shown where this deployment has not set one of its legal facts (LEGAL_* variables). */
export const LEGAL_FACT_MISSING = "Non renseigné pour ce déploiement.";
