import type { Metadata } from "next";
import Link from "@/components/link";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { SIGN_IN_LINK_VALIDITY_LABEL } from "@/lib/auth/sign-in-link";
import { ROUTES } from "@/lib/routes";

export const metadata: Metadata = { title: "Consultez votre messagerie" };

export default function VerifyRequestPage() {
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8">
        <h1>Consultez votre messagerie</h1>
        <Alert
          severity="info"
          // Right under the h1 (axe heading-order); the DSFR alert's title is an h3 by default.
          as="h2"
          title="Si cette adresse correspond à un compte, un lien de connexion vient de lui être envoyé."
          description={`Le lien est valable ${SIGN_IN_LINK_VALIDITY_LABEL} et ne sert qu'une fois. Pensez à vérifier vos courriers indésirables.`}
        />
        <p className="fr-mt-3w">
          Rien reçu après quelques minutes&nbsp;? Vérifiez l&apos;adresse saisie et{" "}
          <Link href={ROUTES.signIn}>demandez un nouveau lien</Link>. Votre organisation doit vous avoir donné accès au service.
        </p>
      </div>
    </div>
  );
}
