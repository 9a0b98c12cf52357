/**
 * The security headers of every response and the cross-origin write rule, as pure functions of
 * the request (applied by proxy.ts, tested in lib/security-headers.test.ts).
 */
import { isLoopbackHostname } from "./origin";

/** The request header, set by proxy.ts only, through which the root layout reads the CSP nonce. */
export const NONCE_HEADER = "x-nonce";

export interface HeaderContext {
  pathname: string;
  nonce: string;
  /** next dev: React needs eval for its debugging stacks. */
  development: boolean;
  /** Production behind an https APP_URL: HSTS and upgrade-insecure-requests. */
  https: boolean;
  /**
   * Other origins a form may lead to: ProConnect's, whose authorization page the sign-in form
   * redirects to (a form posted before hydration follows that redirect under form-action).
   */
  formTargets?: readonly string[];
}

/**
 * Scripts run only with this response's nonce, or when loaded by such a script ('strict-dynamic':
 * Next's chunks). Styles allow inline: the DSFR and our components set style attributes, and a
 * style cannot run code.
 */
export function contentSecurityPolicy({ nonce, development, https, formTargets = [] }: Omit<HeaderContext, "pathname">): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    ["form-action 'self'", ...formTargets].join(" "),
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/**
 * Pages whose URL carries a token keep it out of any Referer to another site. The sign-in
 * confirmation page posts its form to us: "same-origin" keeps that POST's Origin header, which
 * "no-referrer" would turn into `null` (refused as a foreign origin).
 */
function referrerPolicy(pathname: string): string {
  if (pathname.startsWith("/c/")) return "no-referrer";
  if (pathname === "/connexion/confirmer") return "same-origin";
  return "strict-origin-when-cross-origin";
}

export function securityHeaders(context: HeaderContext): { "Content-Security-Policy": string } & Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(context),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": referrerPolicy(context.pathname),
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), accelerometer=(), gyroscope=(), magnetometer=()",
    ...(context.https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A write (server action, form post, next-auth POST) from a page of another origin: refused.
 * Next itself compares Origin with the Host / X-Forwarded-Host headers, which a client forges;
 * this compares it with APP_URL. A server action must carry an Origin; other requests without
 * one come from no browser, so they cannot ride a signed-in person's cookies.
 */
export function isCrossOriginWrite(request: { method: string; origin: string | null; isServerAction: boolean }, appUrl: string): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  if (request.origin === null) return request.isServerAction;
  return request.origin !== appUrl;
}

/**
 * On a loopback APP_URL (the demo, the end-to-end runs), the other loopback name of the same
 * port is sent to APP_URL: sessions and forms live on one origin. Public hosts are never
 * redirected, as a reverse proxy may pass its own Host.
 */
export function loopbackAliasRedirect(
  request: { method: string; host: string | null; pathAndQuery: string },
  appUrl: string,
): string | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  const canonical = new URL(appUrl);
  if (!request.host || !isLoopbackHostname(canonical.hostname)) return null;
  let requested: URL;
  try {
    requested = new URL(`http://${request.host}`);
  } catch {
    return null;
  }
  if (!isLoopbackHostname(requested.hostname) || requested.port !== canonical.port || requested.host === canonical.host) return null;
  return `${appUrl}${request.pathAndQuery}`;
}
