import { Alert } from "@codegouvfr/react-dsfr/Alert";

/**
 * A sign-in that failed on the way, not refused: ProConnect answered with an error or was left,
 * the form was stale, or our side could not check the identity. The person can only start again.
 */
export function SignInFailedAlert({ className }: { className?: string }) {
  return (
    <Alert
      as="h2"
      severity="error"
      className={className}
      title="La connexion n'a pas abouti."
      description="Votre identité n'a pas pu être vérifiée. Recommencez la connexion&nbsp;; si l'erreur persiste, réessayez dans quelques minutes."
    />
  );
}
