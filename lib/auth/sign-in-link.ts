import { MINUTE_MS, toSeconds } from "@/lib/time";

/**
 * The sign-in link's life and shape. The e-mail never carries next-auth's callback URL itself:
 * it points to our confirmation page, whose "Se connecter" button POSTs to the callback, so a
 * mail gateway that prefetches links (GET) cannot use the one-time token up.
 */
export const SIGN_IN_LINK_MAX_AGE_SECONDS = toSeconds(30 * MINUTE_MS);
/** Said in the e-mail and on the pages: some administrations' gateways hold e-mails for minutes. */
export const SIGN_IN_LINK_VALIDITY_LABEL = "30 minutes";

export const SIGN_IN_CONFIRMATION_PATH = "/connexion/confirmer";
export const CALLBACK_PATH = "/api/auth/callback/resend";

/**
 * The e-mailed link: the confirmation page on the origin of the callback URL that next-auth
 * gave (never one rebuilt from request headers), with the same token, e-mail and callbackUrl.
 */
export function confirmationLink(callbackUrl: string): string {
  const callback = new URL(callbackUrl);
  const link = new URL(SIGN_IN_CONFIRMATION_PATH, callback.origin);
  link.search = callback.search;
  return link.toString();
}

/** Where the confirmation form posts: next-auth's callback, relative to our own origin. */
export function callbackAction(params: { token: string; email: string; callbackUrl?: string }): string {
  const query = new URLSearchParams({ token: params.token, email: params.email });
  if (params.callbackUrl) query.set("callbackUrl", params.callbackUrl);
  return `${CALLBACK_PATH}?${query.toString()}`;
}
