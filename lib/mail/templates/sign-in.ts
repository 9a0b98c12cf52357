import { button, paragraph, renderEmail, SERVICE_NAME } from "./layout";
import type { EmailContent } from "./types";
import { SIGN_IN_LINK_VALIDITY_LABEL } from "@/lib/auth/sign-in-link";

// The link to the sign-in confirmation page (lib/auth/sign-in-link.ts): valid 30 minutes, once.
export function renderSignInEmail(data: { url: string }): EmailContent {
  return renderEmail({
    subject: `Votre lien de connexion à ${SERVICE_NAME}`,
    heading: "Connexion",
    greeting: "Bonjour,",
    intro: `Pour vous connecter à ${SERVICE_NAME}, utilisez le lien ci-dessous. Il est valable ${SIGN_IN_LINK_VALIDITY_LABEL} et ne sert qu'une fois.`,
    blocks: [
      button("Me connecter", data.url),
      paragraph(
        "Si vous n'êtes pas à l'origine de cette demande, ignorez cet e-mail\u00a0: " +
          "personne ne pourra se connecter à votre compte sans ce lien.",
      ),
    ],
  });
}
