import { button, paragraph, renderEmail, SERVICE_NAME } from "./layout";
import type { EmailContent } from "./types";

// The magic link of next-auth's email provider (token valid 24 h).
export function renderSignInEmail(data: { url: string }): EmailContent {
  return renderEmail({
    subject: `Votre lien de connexion à ${SERVICE_NAME}`,
    heading: "Connexion",
    greeting: "Bonjour,",
    intro: `Pour vous connecter à ${SERVICE_NAME}, utilisez le lien ci-dessous. Il est valable 24 heures.`,
    blocks: [
      button("Me connecter", data.url),
      paragraph(
        "Si vous n'êtes pas à l'origine de cette demande, ignorez cet e-mail : " +
          "personne ne pourra se connecter à votre compte sans ce lien.",
      ),
    ],
  });
}
