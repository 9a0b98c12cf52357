import type { Metadata } from "next";
import Link from "@/components/link";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { SIGN_IN_LINK_VALIDITY_LABEL } from "@/lib/auth/sign-in-link";
import { ROUTES } from "@/lib/routes";
import { SignInFailedAlert } from "@/components/auth/sign-in-failed";

export const metadata: Metadata = { title: "Connexion impossible" };

/**
 * Where next-auth sends a refused sign-in: a used or expired link ("Verification"), or an identity
 * with no active account here, by magic link or ProConnect ("AccessDenied"). The page says no
 * more than that, whichever it was. Anything else ("Configuration") is a sign-in that failed on the
 * way, such as a ProConnect answer to a stale tab or an identity provider that did not answer.
 */
export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string | string[] }> }) {
  const { error } = await searchParams;
  const reason = error === "AccessDenied" ? "denied" : error === "Verification" ? "link" : "failure";
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8">
        <h1>Connexion impossible</h1>
        {reason === "denied" ? (
          <Alert
            as="h2"
            severity="error"
            title="Cette adresse n'a pas accès au service."
            description="Seuls les membres d'une organisation inscrite peuvent se connecter&nbsp;: demandez à un administrateur de votre organisation de vous ajouter."
          />
        ) : reason === "link" ? (
          <Alert
            as="h2"
            severity="error"
            title="Ce lien de connexion n'est plus valable."
            description={`Il a peut-être déjà servi ou expiré (${SIGN_IN_LINK_VALIDITY_LABEL}), ou l'adresse n'a pas accès au service.`}
          />
        ) : (
          <SignInFailedAlert />
        )}
        <p className="fr-mt-3w">
          <Link href={ROUTES.signIn}>Revenir à la connexion</Link>
        </p>
      </div>
    </div>
  );
}
