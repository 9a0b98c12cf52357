import { describe, expect, it } from "vitest";
import { renewedSessionCookie, SESSION_IDLE_SECONDS, type SessionCookieRequest } from "@/lib/auth/session-cookie";

const page: SessionCookieRequest = {
  method: "GET",
  pathname: "/employer/applications",
  navigation: true,
  sameOriginFetch: false,
  token: "t0k3n",
};

describe("the session cookie, pushed back by use", () => {
  it("is set again on a page load and on a client-side navigation, for 12 hours, with next-auth's attributes", () => {
    expect(renewedSessionCookie(page, false)).toEqual({
      name: "authjs.session-token",
      value: "t0k3n",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: false, maxAge: SESSION_IDLE_SECONDS },
    });
    expect(renewedSessionCookie({ ...page, navigation: false, sameOriginFetch: true }, true)).toMatchObject({
      name: "__Secure-authjs.session-token",
      options: { secure: true },
    });
  });

  it("is left alone without a session, on writes, files, next-auth's routes and other fetches", () => {
    expect(renewedSessionCookie({ ...page, token: undefined }, false)).toBeNull();
    expect(renewedSessionCookie({ ...page, method: "POST" }, false)).toBeNull();
    expect(renewedSessionCookie({ ...page, navigation: false }, false)).toBeNull();
    for (const pathname of ["/api/auth/callback/resend", "/api/health", "/_next/static/chunks/a.js", "/favicon.ico", "/dsfr/icons/x.svg"]) {
      expect(renewedSessionCookie({ ...page, pathname }, false), pathname).toBeNull();
    }
  });
});
