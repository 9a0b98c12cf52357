import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSignedInUser } from "@/lib/auth/guards";
import { SignInPanel } from "@/components/auth/sign-in-panel";
import { ROUTES } from "@/lib/routes";

export const metadata: Metadata = { title: "Se connecter" };

export default async function SignInPage() {
  if (await getSignedInUser()) redirect(ROUTES.dashboard);
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <SignInPanel headingLevel={1} />
      </div>
    </div>
  );
}
