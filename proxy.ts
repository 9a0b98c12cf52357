import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { isCrossOriginWrite, loopbackAliasRedirect, NONCE_HEADER, securityHeaders } from "@/lib/security-headers";

function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * Runs before every request (no matcher: static files get the headers too). Sets the security
 * headers with a fresh CSP nonce, which Next reads from the request's CSP header to mark its own
 * scripts; in production, refuses writes from another origin than APP_URL.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const headers = securityHeaders({
    pathname: request.nextUrl.pathname,
    nonce,
    development: !env.isProduction,
    https: env.isProduction && env.secureCookies,
  });
  const respond = (response: NextResponse) => {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  };

  if (env.isProduction) {
    const origin = request.headers.get("origin");
    if (isCrossOriginWrite({ method: request.method, origin, isServerAction: request.headers.has("next-action") }, env.appUrl)) {
      console.warn(`[security] refused ${request.method} ${request.nextUrl.pathname} from origin ${JSON.stringify(origin)} (APP_URL is ${env.appUrl})`);
      return respond(new NextResponse("Requête refusée : elle ne vient pas de ce site.", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } }));
    }
    const alias = loopbackAliasRedirect({ method: request.method, host: request.headers.get("host"), pathAndQuery: request.nextUrl.pathname + request.nextUrl.search }, env.appUrl);
    if (alias) return respond(NextResponse.redirect(alias, 308));
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  return respond(NextResponse.next({ request: { headers: requestHeaders } }));
}
