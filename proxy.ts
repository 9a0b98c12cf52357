import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { isCrossOriginWrite, loopbackAliasRedirect, NONCE_HEADER, securityHeaders } from "@/lib/security-headers";
import { renewedSessionCookie, sessionCookieName } from "@/lib/auth/session-cookie";

function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * Runs before every request (no matcher: static files get the headers too). Sets the security
 * headers with a fresh CSP nonce, which Next reads from the request's CSP header to mark its own
 * scripts; in production, refuses writes from another origin than APP_URL, and replaces the
 * X-Forwarded-Host / X-Forwarded-Proto headers a client may forge by APP_URL's.
 */
const PROCONNECT_ORIGIN = env.proConnect ? new URL(env.proConnect.issuer).origin : null;

export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const headers = securityHeaders({
    pathname: request.nextUrl.pathname,
    nonce,
    development: !env.isProduction,
    https: env.isProduction && env.secureCookies,
    formTargets: PROCONNECT_ORIGIN ? [PROCONNECT_ORIGIN] : [],
  });
  const respond = (response: NextResponse) => {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  };

  if (env.isProduction) {
    const origin = request.headers.get("origin");
    if (isCrossOriginWrite({ method: request.method, origin, isServerAction: request.headers.has("next-action") }, env.appUrl)) {
      console.warn(
        `[security] refused ${request.method} ${request.nextUrl.pathname} from origin ${JSON.stringify(origin)} (APP_URL is ${env.appUrl})`,
      );
      return respond(
        new NextResponse("Requête refusée\u00a0: elle ne vient pas de ce site.", {
          status: 403,
          headers: { "Content-Type": "text/plain; charset=utf-8" },
        }),
      );
    }
    const alias = loopbackAliasRedirect(
      { method: request.method, host: request.headers.get("host"), pathAndQuery: request.nextUrl.pathname + request.nextUrl.search },
      env.appUrl,
    );
    // Not NextResponse.redirect: it would rewrite 127.0.0.1 to localhost in the Location.
    if (alias) return respond(new NextResponse(null, { status: 308, headers: { Location: alias } }));
  }

  const requestHeaders = new Headers(request.headers);
  if (env.appUrlIsPinned) {
    // Whatever the client claimed, the app downstream sees APP_URL as the forwarded host: next-auth
    // builds its sign-in links and redirects from these headers, and Next checks server actions'
    // Origin against them.
    const canonical = new URL(env.appUrl);
    requestHeaders.set("X-Forwarded-Host", canonical.host);
    requestHeaders.set("X-Forwarded-Proto", canonical.protocol.replace(":", ""));
  }
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  const renewed = renewedSessionCookie(
    {
      method: request.method,
      pathname: request.nextUrl.pathname,
      navigation: request.headers.get("sec-fetch-mode") === "navigate",
      sameOriginFetch: request.headers.get("sec-fetch-site") === "same-origin" && request.headers.get("sec-fetch-dest") === "empty",
      token: request.cookies.get(sessionCookieName(env.secureCookies))?.value,
    },
    env.secureCookies,
  );
  if (renewed) response.cookies.set(renewed.name, renewed.value, renewed.options);
  return respond(response);
}
