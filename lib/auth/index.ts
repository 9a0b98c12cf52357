import "server-only";
import NextAuth from "next-auth";
import Resend from "next-auth/providers/resend";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { after } from "next/server";
import { cookies } from "next/headers";
import { clientAddress } from "@/lib/client-address";
import { handleSignInRequest, hasActiveAccount } from "@/lib/auth/sign-in-email";
import { SIGN_IN_LINK_MAX_AGE_SECONDS } from "@/lib/auth/sign-in-link";
import { ROUTES } from "@/lib/routes";
import {
  PROCONNECT_ID,
  PROCONNECT_ID_TOKEN_COOKIE,
  idTokenCookieOptions,
  proConnectProvider,
  withoutProConnectAccounts,
  type ProConnectProfile,
} from "@/lib/auth/proconnect";
// Pages and actions read the session themselves (lib/auth/session.ts), by the same rules.
import { SESSION_IDLE_SECONDS, SESSION_REFRESH_SECONDS } from "@/lib/auth/session-cookie";

export const { handlers, auth, signIn, signOut } = NextAuth({
  // The adapter is typed against @prisma/client; the generated client has the same models.
  adapter: withoutProConnectAccounts(PrismaAdapter(prisma as unknown as Parameters<typeof PrismaAdapter>[0])),
  secret: env.AUTH_SECRET,
  // next-auth builds its URLs from X-Forwarded-Host / -Proto (server actions, auth()) and from the
  // request URL (the auth route): proxy.ts and the route set both to APP_URL; only development
  // without APP_URL follows the browser's loopback host.
  trustHost: true,
  // The Secure flag and __Secure- cookie names follow APP_URL, never X-Forwarded-Proto.
  useSecureCookies: env.secureCookies,
  session: { strategy: "database", maxAge: SESSION_IDLE_SECONDS, updateAge: SESSION_REFRESH_SECONDS },
  pages: { signIn: ROUTES.signIn, verifyRequest: ROUTES.signInSent, error: ROUTES.signInError },
  providers: [
    Resend({
      from: env.EMAIL_FROM,
      maxAge: SIGN_IN_LINK_MAX_AGE_SECONDS,
      // Both the sign-in form's action and a direct POST /api/auth/signin/resend pass here. The
      // limits, the account lookup and the e-mail (through the app's outbox) run after the
      // response, so that it takes the same time whether or not the address has an account.
      async sendVerificationRequest({ identifier, token, url }) {
        const client = await clientAddress();
        after(async () => {
          try {
            await handleSignInRequest({ email: identifier, token, callbackUrl: url, client });
          } catch (error) {
            console.error("[sign-in] the sign-in request failed:", error);
          }
        });
      },
    }),
    ...(env.proConnect ? [proConnectProvider(env.proConnect)] : []),
  ],
  callbacks: {
    async signIn({ user, email, account, profile }) {
      // Asking for a link always "succeeds" (see above); using one requires an existing account.
      if (email?.verificationRequest) return true;
      if (account?.provider === PROCONNECT_ID) {
        // The professional of the address ProConnect vouches for, active in an organisation, or
        // the magic link's refusal page (AccessDenied).
        const identity = profile as unknown as ProConnectProfile | undefined;
        if (!identity?.email || identity.email_verified === false) return false;
        return hasActiveAccount(identity.email);
      }
      return Boolean(user.email) && (await hasActiveAccount(user.email!));
    },
    session({ session, user }) {
      session.user.id = user.id;
      return session;
    },
  },
  events: {
    // "Se déconnecter" ends the ProConnect session too: it needs this sign-in's id token as hint.
    async signIn({ user, account, profile }) {
      if (account?.provider !== PROCONNECT_ID || !account.id_token) return;
      // Someone already signed in here stays who they were: no hint for another identity.
      if (user.email?.toLowerCase() !== String(profile?.email ?? "").toLowerCase()) return;
      (await cookies()).set(PROCONNECT_ID_TOKEN_COOKIE, account.id_token, idTokenCookieOptions);
    },
  },
});
