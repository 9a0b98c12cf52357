import "server-only";
import NextAuth from "next-auth";
import Resend from "next-auth/providers/resend";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { hasActiveAccount, sendSignInLink } from "@/lib/auth/sign-in-email";
import { ROUTES } from "@/lib/routes";
import { DAY_MS, toSeconds } from "@/lib/time";

export const { handlers, auth, signIn, signOut } = NextAuth({
  // The adapter is typed against @prisma/client; the generated client has the same models.
  adapter: PrismaAdapter(prisma as unknown as Parameters<typeof PrismaAdapter>[0]),
  secret: env.AUTH_SECRET,
  // next-auth builds its URLs from X-Forwarded-Host / -Proto (server actions, auth()) and from the
  // request URL (the auth route): proxy.ts and the route set both to APP_URL; only development
  // without APP_URL follows the browser's loopback host.
  trustHost: true,
  // The Secure flag and __Secure- cookie names follow APP_URL, never X-Forwarded-Proto.
  useSecureCookies: env.secureCookies,
  session: { strategy: "database", maxAge: toSeconds(30 * DAY_MS) },
  pages: { signIn: ROUTES.signIn, verifyRequest: ROUTES.signInSent, error: ROUTES.signInError },
  providers: [
    Resend({
      from: env.EMAIL_FROM,
      maxAge: toSeconds(DAY_MS),
      // Through the app's own outbox (kept at /dev/mails without a Resend key), never straight to Resend.
      async sendVerificationRequest({ identifier, url }) {
        await sendSignInLink(identifier, url);
      },
    }),
  ],
  callbacks: {
    async signIn({ user, email }) {
      // Asking for a link always "succeeds" (see above); using one requires an existing account.
      if (email?.verificationRequest) return true;
      return Boolean(user.email) && (await hasActiveAccount(user.email!));
    },
    session({ session, user }) {
      session.user.id = user.id;
      return session;
    },
  },
});
