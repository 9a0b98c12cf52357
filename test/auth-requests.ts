/**
 * Drives next-auth's real route handlers (lib/auth) from integration tests, as a browser would:
 * a cookie jar, the CSRF token, form posts. Next's request-scoped helpers are the only stand-ins
 * (see the vi.mock calls of the test files using this).
 */
import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";

export const ORIGIN = "http://localhost:3000";

export class AuthClient {
  readonly cookies = new Map<string, string>();

  async request(method: "GET" | "POST", path: string, form?: Record<string, string>): Promise<Response> {
    const headers = new Headers({ cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ") });
    if (form) headers.set("content-type", "application/x-www-form-urlencoded");
    const request = new NextRequest(`${ORIGIN}${path}`, { method, headers, body: form ? new URLSearchParams(form).toString() : undefined });
    const response = await (method === "GET" ? handlers.GET(request) : handlers.POST(request));
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...value] = pair!.split("=");
      if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name!);
      else this.cookies.set(name!, value.join("="));
    }
    return response;
  }

  async csrfToken(): Promise<string> {
    return ((await (await this.request("GET", "/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
  }

  /** What the sign-in form's action does: next-auth's signIn("resend") with redirectTo /dashboard. */
  async requestLink(email: string): Promise<Response> {
    return this.request("POST", "/api/auth/signin/resend", {
      email,
      csrfToken: await this.csrfToken(),
      callbackUrl: `${ORIGIN}/dashboard`,
    });
  }

  async signOut(): Promise<Response> {
    return this.request("POST", "/api/auth/signout", { csrfToken: await this.csrfToken() });
  }
}
