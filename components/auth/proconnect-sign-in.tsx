"use client";
import { ProConnectButton } from "@codegouvfr/react-dsfr/ProConnectButton";
import { signInWithProConnect } from "@/lib/auth/actions";

/**
 * The DSFR's ProConnect button, in a form posting to the server action: it works before
 * hydration too, and the button (a plain submit) needs no script of its own.
 */
export function ProConnectSignIn() {
  return (
    <form action={signInWithProConnect} aria-label="Connexion avec ProConnect">
      <ProConnectButton onClick={() => undefined} />
    </form>
  );
}
