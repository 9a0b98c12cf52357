// Email templates: pure functions of plain data returning { subject, text, html }.
export { renderApplicationEmail } from "./application";
export { escapeHtml, formatFrenchDate } from "./format";
export { renderSignInEmail } from "./sign-in";
export type { ApplicationEmailData, CandidateEmailData, EmailContent, EmailRecipient } from "./types";
export { renderAutoRefusalWarning, type AutoRefusalWarningData } from "./auto-refusal-warning";
export { renderMemberAddedEmail, type MemberAddedEmailData } from "./member-added";
