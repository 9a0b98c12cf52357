import { personName } from "@/lib/people";
import { ROUTES } from "@/lib/routes";
import { button, facts, paragraph, renderEmail, SERVICE_NAME } from "./layout";
import type { EmailContent } from "./types";

export interface MemberAddedEmailData {
  member: { firstName: string; lastName: string; email: string };
  organization: { name: string };
  addedBy: { firstName: string; lastName: string };
  administrator: boolean;
  /** The sign-in page: never a sign-in link, which this e-mail would keep usable in a mailbox. */
  signInUrl: string;
}

/** To someone an admin just added to their organisation: where to sign in, and with which address. */
export function renderMemberAddedEmail(data: MemberAddedEmailData): EmailContent {
  return renderEmail({
    subject: `Votre accès à ${SERVICE_NAME} pour ${data.organization.name}`,
    heading: "Votre accès",
    greeting: `Bonjour ${personName(data.member)},`,
    intro:
      `${personName(data.addedBy)} vous a donné accès à ${SERVICE_NAME} pour ${data.organization.name}` +
      `${data.administrator ? ", avec le rôle d'administrateur" : ""}.`,
    blocks: [
      facts({ label: "Organisation", value: data.organization.name }, { label: "Adresse de connexion", value: data.member.email }),
      paragraph(
        "Pour vous connecter, saisissez cette adresse sur la page de connexion\u00a0: vous recevrez un lien de connexion par e-mail.",
      ),
      button("Aller à la page de connexion", data.signInUrl),
      paragraph(`Si vous ne connaissez pas ${data.organization.name}, ignorez cet e-mail\u00a0: vous n'avez rien à faire.`),
    ],
    // Their name and address were typed by someone else (GDPR art. 14), like a candidate's.
    privacyUrl: new URL(ROUTES.privacy, data.signInUrl).href,
  });
}
