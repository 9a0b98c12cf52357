import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { CALLBACK_PATH, SIGN_IN_CONFIRMATION_PATH } from "@/lib/auth/sign-in-link";
import { env } from "@/lib/env";
import { loopbackOrigin } from "@/lib/url";

/**
 * next-auth builds the magic link, the callback's redirect and its cookies from the request URL.
 * Hand it a plain Request on APP_URL (in production always; NextRequest would also rewrite
 * 127.0.0.1 to "localhost" in its URL), or, in development without APP_URL, on the loopback host
 * the browser used, so that sign-in works on localhost and 127.0.0.1 alike.
 */
function onCanonicalOrigin(request: NextRequest): NextRequest {
  const origin = env.appUrlIsPinned ? env.appUrl : (loopbackOrigin(request.headers.get("host")) ?? env.appUrl);
  const url = new URL(request.url);
  const canonical = new URL(origin);
  url.protocol = canonical.protocol;
  url.host = canonical.host;
  const init: RequestInit & { duplex?: "half" } = { method: request.method, headers: request.headers, body: request.body, duplex: "half" };
  return new Request(url, init) as NextRequest;
}

/**
 * A GET of the magic-link callback would use the token up: mail scanners prefetch links, and a
 * copied callback URL would sign in on a single request. Only the confirmation page's POST may.
 */
function getOrConfirmFirst(request: NextRequest): Promise<Response> | Response {
  const canonical = onCanonicalOrigin(request);
  const url = new URL(canonical.url);
  if (url.pathname !== CALLBACK_PATH) return handlers.GET(canonical);
  return Response.redirect(new URL(`${SIGN_IN_CONFIRMATION_PATH}${url.search}`, url.origin), 303);
}

export const GET = getOrConfirmFirst;
export const POST = (request: NextRequest) => handlers.POST(onCanonicalOrigin(request));
