import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { SIGN_IN_LINK_VALIDITY_LABEL } from "@/lib/auth/sign-in-link";
import { ROUTES } from "@/lib/routes";

export const metadata: Metadata = { title: "Connexion impossible" };

export default function SignInErrorPage() {
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8">
        <h1>Connexion impossible</h1>
        <Alert
          severity="error"
          title="Ce lien de connexion n'est plus valable."
          description={`Il a peut-être déjà servi ou expiré (${SIGN_IN_LINK_VALIDITY_LABEL}), ou l'adresse n'a pas accès au service.`}
        />
        <p className="fr-mt-3w">
          <Link href={ROUTES.signIn}>Demander un nouveau lien de connexion</Link>
        </p>
      </div>
    </div>
  );
}
