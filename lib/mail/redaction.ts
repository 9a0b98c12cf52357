/**
 * Links that let their holder in: the sign-in confirmation page and next-auth's callback (the
 * token is in their query) and the candidate's personal status link /c/<token>. Once an email is SENT the sender replaces them in
 * its text and HTML (the person has them in their mailbox; the database must not): a backup or a
 * replica then holds no usable link. Hashes (CandidateLink.tokenHash, next-auth's
 * VerificationToken) stay: they cannot be turned back into a link.
 *
 * The pattern is written so that JavaScript and PostgreSQL read it alike; the migration that
 * redacted the emails sent before it carries a copy of the first two paths (the only ones then).
 */
export const SECRET_LINK_PATHS = [
  String.raw`api/auth/callback/[^\s"'<>]*`,
  String.raw`c/[A-Za-z0-9_-]+`,
  // The sign-in e-mail's link: the confirmation page, whose query carries the token.
  String.raw`connexion/confirmer\?[^\s"'<>]*`,
];

/** A link, in text or HTML, to any of `paths` (all of SECRET_LINK_PATHS unless told). */
export function secretLinkPattern(paths: readonly string[] = SECRET_LINK_PATHS): string {
  return String.raw`https?://[^\s"'<>]+/(?:${paths.join("|")})`;
}

export const SECRET_LINK_PATTERN = secretLinkPattern();

/** What stands where a link was, in text and HTML alike (no character HTML would need escaped). */
export const REDACTED_LINK = "[lien retiré après l’envoi]";

export function redactSecretLinks(body: string): string {
  return body.replace(new RegExp(SECRET_LINK_PATTERN, "g"), REDACTED_LINK);
}
