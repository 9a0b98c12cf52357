/**
 * A real OpenID Connect provider on 127.0.0.1 standing in for ProConnect in the end-to-end runs
 * (playwright.config.ts starts it beside the app): panva's oidc-provider, configured as ProConnect
 * answers — authorization code with PKCE, ProConnect's scopes, a userinfo answer signed as a JWT,
 * and RP-initiated logout. Its development login form accepts any e-mail as the identity.
 *
 *   node --import tsx e2e/oidc-provider.ts <port> <app origin>
 */
import Provider from "oidc-provider";
import { OIDC_CLIENT } from "./oidc-client";

const [port = "3201", appOrigin = "http://127.0.0.1:3200"] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: OIDC_CLIENT.id,
      client_secret: OIDC_CLIENT.secret,
      redirect_uris: [`${appOrigin}/api/auth/callback/proconnect`],
      post_logout_redirect_uris: [`${appOrigin}/`],
      token_endpoint_auth_method: "client_secret_post",
      id_token_signed_response_alg: "RS256",
      userinfo_signed_response_alg: "RS256",
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  pkce: { required: () => true },
  scopes: ["openid", "email", "given_name", "usual_name", "siret"],
  claims: { openid: ["sub"], email: ["email"], given_name: ["given_name"], usual_name: ["usual_name"], siret: ["siret"] },
  features: {
    devInteractions: { enabled: true },
    jwtUserinfo: { enabled: true },
    rpInitiatedLogout: { enabled: true },
  },
  cookies: { keys: ["e2e-oidc-cookie-key-0123456789"] },
  // The login is the professional's e-mail, as typed (any case), as ProConnect's identity
  // providers vouch for it.
  async findAccount(_context, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: id, given_name: "Camille", usual_name: "Professionnelle", siret: "13002526500013" };
      },
    };
  },
});

// A failed exchange shows in the test run's output, not only as the provider's error page.
provider.on("server_error", (_context, error) => console.error("[oidc] server_error:", error));

provider.listen(Number(port), "127.0.0.1", () => console.log(`[oidc] ProConnect stand-in ready on ${issuer}`));
