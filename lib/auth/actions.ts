"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/lib/auth";
import { env } from "@/lib/env";
import { CURRENT_ORGANIZATION_COOKIE, requireUser } from "@/lib/auth/guards";
import { selectOrganizationSchema, signInSchema } from "@/lib/auth/validation";
import { zodFieldErrors, type ActionResult } from "@/lib/action-result";
import { ROUTES } from "@/lib/routes";
import { toSeconds, YEAR_MS } from "@/lib/time";
import { PROCONNECT_ID, PROCONNECT_ID_TOKEN_COOKIE, proConnectLogoutUrl } from "@/lib/auth/proconnect";

/** Form action (works before hydration too): the previous state comes from useActionState. */
export async function requestSignInLink(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = signInSchema.safeParse({ email: formData.get("email") });
  if (!parsed.success) {
    const fieldErrors = zodFieldErrors<"email">(parsed.error);
    return { ok: false, error: fieldErrors.email ?? "Adresse e-mail invalide.", fieldErrors };
  }
  // To the "check your inbox" page, whether or not the address has an account. next-auth answers
  // with its own route (/api/auth/verify-request), which the address bar then kept; so its answer
  // is read, and only its path followed (an error page keeps its reason).
  const answer = new URL(
    await signIn("resend", { email: parsed.data.email.toLowerCase(), redirectTo: ROUTES.dashboard, redirect: false }),
    env.appUrl,
  );
  redirect(answer.pathname.endsWith("/verify-request") ? ROUTES.signInSent : `${answer.pathname}${answer.search}`);
}

/** "S'identifier avec ProConnect": to ProConnect's authorization page (a form: works before hydration too). */
export async function signInWithProConnect(): Promise<void> {
  if (!env.proConnect) redirect(ROUTES.signIn);
  await signIn(PROCONNECT_ID, { redirectTo: ROUTES.dashboard });
}

export async function signOutAction(): Promise<void> {
  const jar = await cookies();
  jar.delete(CURRENT_ORGANIZATION_COOKIE);
  const idToken = jar.get(PROCONNECT_ID_TOKEN_COOKIE)?.value;
  if (idToken) {
    jar.delete(PROCONNECT_ID_TOKEN_COOKIE);
    await signOut({ redirect: false });
    // Signed in through ProConnect: its session ends too, then ProConnect sends the browser home.
    redirect((await proConnectLogoutUrl(idToken)) ?? "/");
  }
  await signOut({ redirectTo: "/" });
}

export async function selectOrganization(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = selectOrganizationSchema.safeParse({ organizationId: formData.get("organizationId") });
  // Only an organisation the user belongs to can become the current one.
  if (!parsed.success || !user.memberships.some((m) => m.organizationId === parsed.data.organizationId)) {
    redirect(`${ROUTES.organisation}?invalide=1`);
  }
  (await cookies()).set(CURRENT_ORGANIZATION_COOKIE, parsed.data.organizationId, {
    httpOnly: true,
    sameSite: "lax",
    secure: env.secureCookies,
    path: "/",
    maxAge: toSeconds(YEAR_MS),
  });
  redirect(ROUTES.dashboard);
}
