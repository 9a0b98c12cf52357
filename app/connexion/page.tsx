import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSignedInUser } from "@/lib/auth/guards";
import { SignInPanel } from "@/components/auth/sign-in-panel";
import { ROUTES } from "@/lib/routes";

export const metadata: Metadata = { title: "Se connecter" };

// next-auth comes back here with ?error= when a ProConnect sign-in failed on the way (left at
// ProConnect, an error there, a stale form): say so rather than show the form as if nothing happened.
export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string | string[] }> }) {
  if (await getSignedInUser()) redirect(ROUTES.dashboard);
  const { error } = await searchParams;
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <SignInPanel headingLevel={1} failed={error !== undefined} />
      </div>
    </div>
  );
}
