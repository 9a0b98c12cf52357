/**
 * Links that let their holder in: next-auth's sign-in callback (the token is in its query) and the
 * candidate's personal status link /c/<token>. Once an email is SENT the sender replaces them in
 * its text and HTML (the person has them in their mailbox; the database must not): a backup or a
 * replica then holds no usable link. Hashes (CandidateLink.tokenHash, next-auth's
 * VerificationToken) stay: they cannot be turned back into a link.
 *
 * The pattern is written so that JavaScript and PostgreSQL read it alike; the migration that
 * redacted the emails sent before it carries a copy.
 */
export const SECRET_LINK_PATTERN = String.raw`https?://[^\s"'<>]+/(?:api/auth/callback/[^\s"'<>]*|c/[A-Za-z0-9_-]+)`;

/** What stands where a link was, in text and HTML alike (no character HTML would need escaped). */
export const REDACTED_LINK = "[lien retiré après l’envoi]";

export function redactSecretLinks(body: string): string {
  return body.replace(new RegExp(SECRET_LINK_PATTERN, "g"), REDACTED_LINK);
}
