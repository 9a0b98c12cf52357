import type { Metadata } from "next";
import Link from "@/components/link";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { callbackAction, SIGN_IN_LINK_VALIDITY_LABEL } from "@/lib/auth/sign-in-link";
import { signInConfirmationSchema } from "@/lib/auth/validation";

// The URL carries a one-time token: never send it to another site as a referrer. Not
// "no-referrer": the browser would then send `Origin: null` with the "Se connecter" POST, which
// proxy.ts refuses as a foreign origin.
export const metadata: Metadata = { title: "Se connecter", referrer: "same-origin" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Where the sign-in e-mail leads. Opening it (a GET, as mail gateways do when they prefetch
 * links) uses nothing up: only the "Se connecter" button POSTs the token to next-auth.
 */
export default async function ConfirmSignInPage({ searchParams }: { searchParams: SearchParams }) {
  const parsed = signInConfirmationSchema.safeParse(await searchParams);
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Se connecter</h1>
        {parsed.success ? (
          <form method="post" action={callbackAction(parsed.data)}>
            <p>
              Vous allez vous connecter avec l&apos;adresse <strong>{parsed.data.email}</strong>. Ce lien est valable{" "}
              {SIGN_IN_LINK_VALIDITY_LABEL} et ne sert qu&apos;une fois.
            </p>
            <Button type="submit">Se connecter</Button>
          </form>
        ) : (
          <>
            <Alert
              severity="error"
              as="h2"
              title="Ce lien de connexion est incomplet."
              description="Copiez le lien entier de l'e-mail reçu, ou demandez un nouveau lien."
            />
            <p className="fr-mt-3w">
              <Link href="/connexion">Demander un nouveau lien de connexion</Link>
            </p>
          </>
        )}
      </div>
    </div>
  );
}
