/** Where to get help when the FAQ is not enough (see /help). */
export const FORUM_URL = "https://forum.inclusion.beta.gouv.fr/";
export const SUPPORT_EMAIL = "assistance@inclusion.beta.gouv.fr";
/** Where a security flaw is reported (README, "Signaler une vulnérabilité"). */
export const SECURITY_EMAIL = "securite@suivi-des-candidatures.beta.gouv.fr";

const CONTACT_BODY = [
  "Bonjour,",
  "",
  "Décrivez votre demande ici.",
  "",
  "Pour nous permettre de l'étudier, merci de préciser\u00a0:",
  "- nom, prénom et adresse e-mail du candidat concerné",
  "- adresse e-mail de l'utilisateur concerné",
  "- numéro de PASS IAE, le cas échéant",
  "- numéro ID de votre structure ou, à défaut, son numéro de SIRET",
].join("\n");

export const CONTACT_MAILTO = `mailto:${SUPPORT_EMAIL}?subject=${encodeURIComponent("Suivi des candidatures\u00a0: ma question")}&body=${encodeURIComponent(CONTACT_BODY)}`;
