// The database session's cookie and lifetime, without server-only imports: proxy.ts uses them.
import { HOUR_MS, MINUTE_MS, toSeconds } from "@/lib/time";

/** A session ends after 12 hours without activity: each use pushes its end back (at most every 5 minutes). */
export const SESSION_IDLE_SECONDS = toSeconds(12 * HOUR_MS);
export const SESSION_REFRESH_SECONDS = toSeconds(5 * MINUTE_MS);

/** next-auth's name for the database session's cookie (its useSecureCookies follows APP_URL). */
export const sessionCookieName = (secure: boolean) => `${secure ? "__Secure-" : ""}authjs.session-token`;

export interface SessionCookieRequest {
  method: string;
  pathname: string;
  /** Sec-Fetch-Mode: navigate (a page the browser loads) */
  navigation: boolean;
  /**
   * Sec-Fetch-Site: same-origin with Sec-Fetch-Dest: empty: a fetch by the app's own pages, such as
   * Next's client-side navigations (Next hides their RSC header from the proxy)
   */
  sameOriginFetch: boolean;
  /** The session cookie's value, if the request carries one */
  token: string | undefined;
}

/**
 * The session cookie again, ending 12 hours from now, when a page is used: next-auth sets its
 * expiry at sign-in only (its auth() dropped the renewed cookie in server components), so the
 * browser ended every session 12 hours after sign-in, however active. The server's row stays the
 * authority (lib/auth/session.ts). Only on the app's pages and routes, loaded or fetched by its
 * own pages, which all answer `Cache-Control: private, no-store` (a shared cache must never keep
 * someone's token): never on a file, never on next-auth's own routes (the sign-in callback sets a
 * new cookie), never on a write.
 */
export function renewedSessionCookie(request: SessionCookieRequest, secure: boolean) {
  const { method, pathname, navigation, sameOriginFetch, token } = request;
  if (!token || method !== "GET" || !(navigation || sameOriginFetch)) return null;
  if (pathname.startsWith("/api/") || pathname.startsWith("/_next/") || /\.[^/]*$/.test(pathname)) return null;
  return {
    name: sessionCookieName(secure),
    value: token,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure, maxAge: SESSION_IDLE_SECONDS },
  };
}
