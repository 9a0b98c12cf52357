import "server-only";
import { randomBytes } from "node:crypto";
import type { OIDCConfig } from "next-auth/providers";
import type { Adapter } from "next-auth/adapters";
import { env } from "@/lib/env";
import { DAY_MS, toSeconds } from "@/lib/time";

/**
 * "S'identifier avec ProConnect" (issue 14): the State's OpenID Connect federation for
 * professionals, beside the magic link when PROCONNECT_* are set. Authorization code with PKCE,
 * state and nonce; the identity is matched to an existing professional by e-mail at every
 * sign-in, and nothing of ProConnect's is kept in the database but the session itself.
 */
export const PROCONNECT_ID = "proconnect";
export const PROCONNECT_SCOPES = "openid email given_name usual_name siret";

/** What ProConnect's userinfo endpoint answers (a signed JWT, or JSON). */
export interface ProConnectProfile {
  sub: string;
  email: string;
  given_name?: string;
  usual_name?: string;
  siret?: string;
  email_verified?: boolean;
}

export function proConnectProvider(config: { issuer: string; clientId: string; clientSecret: string }): OIDCConfig<ProConnectProfile> {
  return {
    id: PROCONNECT_ID,
    name: "ProConnect",
    type: "oidc",
    issuer: config.issuer,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    checks: ["pkce", "state", "nonce"],
    authorization: { params: { scope: PROCONNECT_SCOPES } },
    client: { token_endpoint_auth_method: "client_secret_post" },
    // The id token proves the sign-in (nonce, audience, signature); the identity comes from the
    // userinfo endpoint, which ProConnect answers with a signed JWT (oauth4webapi reads both forms
    // and checks that its `sub` is the id token's).
    idToken: false,
    // The e-mail is the key to an existing professional (ProConnect's identity providers verify
    // addresses); no account is ever created from ProConnect (callbacks.signIn refuses unknowns).
    allowDangerousEmailAccountLinking: true,
    // No token is stored: the id token needed at sign-out lives in a cookie (rememberIdToken).
    account: () => ({}),
    profile(profile) {
      return {
        id: profile.sub,
        email: profile.email.toLowerCase(),
        name: [profile.given_name, profile.usual_name].filter(Boolean).join(" ") || null,
      };
    },
  };
}

/**
 * The adapter seen by next-auth: ProConnect identities are never linked to a user row, so each
 * sign-in finds the professional by the e-mail ProConnect gives that day (an address that moved
 * to someone else cannot follow an old link).
 */
export function withoutProConnectAccounts(adapter: Adapter): Adapter {
  return {
    ...adapter,
    getUserByAccount: (account) => (account.provider === PROCONNECT_ID ? null : (adapter.getUserByAccount?.(account) ?? null)),
    linkAccount: async (account) => {
      if (account.provider !== PROCONNECT_ID) await adapter.linkAccount?.(account);
    },
  };
}

/** The id token of this browser's ProConnect sign-in: the hint that ends ProConnect's session too. */
export const PROCONNECT_ID_TOKEN_COOKIE = env.secureCookies ? "__Host-proconnect-id-token" : "proconnect-id-token";

export const idTokenCookieOptions = {
  httpOnly: true,
  sameSite: "lax" as const,
  secure: env.secureCookies,
  path: "/",
  maxAge: toSeconds(DAY_MS),
};

let discovery: Promise<{ end_session_endpoint?: string }> | null = null;

async function endSessionEndpoint(issuer: string): Promise<string | null> {
  discovery ??= fetch(`${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5_000) }).then(
    (response) => {
      if (!response.ok) throw new Error(`discovery answered ${response.status}`);
      return response.json() as Promise<{ end_session_endpoint?: string }>;
    },
  );
  try {
    return (await discovery).end_session_endpoint ?? null;
  } catch (error) {
    discovery = null;
    console.error("[proconnect] no end_session_endpoint:", error instanceof Error ? error.message : error);
    return null;
  }
}

/**
 * Where "Se déconnecter" sends a ProConnect session once ours is closed: ProConnect's
 * end_session_endpoint with the id token as hint, back to our home page. Null when ProConnect is
 * unreachable: the local sign-out stands alone then.
 */
export async function proConnectLogoutUrl(idToken: string): Promise<string | null> {
  if (!env.proConnect) return null;
  const endpoint = await endSessionEndpoint(env.proConnect.issuer);
  if (!endpoint) return null;
  const url = new URL(endpoint);
  url.searchParams.set("id_token_hint", idToken);
  url.searchParams.set("state", randomBytes(16).toString("base64url"));
  url.searchParams.set("post_logout_redirect_uri", `${env.appUrl}/`);
  return url.toString();
}
