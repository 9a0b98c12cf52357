import { SignInForm } from "@/components/auth/sign-in-form";
import { DemoAccounts } from "@/components/auth/demo-accounts";
import { ProConnectSignIn } from "@/components/auth/proconnect-sign-in";
import { SignInFailedAlert } from "@/components/auth/sign-in-failed";
import { env } from "@/lib/env";

export function SignInPanel({ headingLevel = 2, failed = false }: { headingLevel?: 1 | 2; failed?: boolean }) {
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <div className="fr-card fr-p-4w">
      <Heading className="fr-h4">Se connecter</Heading>
      {failed && <SignInFailedAlert className="fr-mb-3w" />}
      <p className="fr-text--sm">
        Vous êtes prescripteur ou employeur inclusif&nbsp;: {env.proConnect ? "identifiez-vous avec ProConnect, ou " : ""}saisissez votre
        adresse e-mail, nous vous envoyons un lien de connexion. Pas de mot de passe à retenir.
      </p>
      {env.proConnect && (
        <>
          <ProConnectSignIn />
          <p className="fr-hr-or">ou</p>
        </>
      )}
      <SignInForm />
      {env.devMailboxEnabled && <DemoAccounts />}
    </div>
  );
}
