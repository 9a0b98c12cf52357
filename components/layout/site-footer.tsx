import { Footer } from "@codegouvfr/react-dsfr/Footer";
import { newWindowLinkProps } from "@/components/new-window";
import { CONTACT_MAILTO, FORUM_URL } from "@/lib/help";
import { ACCESSIBILITY_COMPLIANCE } from "@/lib/legal";
import { ROUTES } from "@/lib/routes";

export function SiteFooter() {
  return (
    <Footer
      id="pied-de-page"
      accessibility={ACCESSIBILITY_COMPLIANCE}
      accessibilityLinkProps={{ href: ROUTES.accessibility }}
      termsLinkProps={{ href: ROUTES.legalNotice }}
      brandTop={
        <>
          République
          <br />
          Française
        </>
      }
      homeLinkProps={{ href: "/", title: "Accueil — Suivi des candidatures" }}
      contentDescription="Suivi des candidatures permet aux prescripteurs d'envoyer les candidatures des personnes qu'ils accompagnent aux employeurs inclusifs, et à chacun de suivre leur traitement."
      bottomItems={[
        // Candidates' data is typed by their adviser: their e-mails and pages link here (GDPR art. 14).
        // A non-breaking space keeps each short item whole on a phone.
        { text: "Données\u00a0personnelles", linkProps: { href: ROUTES.privacy } },
        // For professionals only: hidden on the candidate's pages (app/c/candidate.css).
        { text: "Aide", linkProps: { href: ROUTES.help, className: "pro-only" } },
        {
          text: "Forum de l'inclusion",
          linkProps: { href: FORUM_URL, ...newWindowLinkProps("Forum de l'inclusion"), className: "pro-only" },
        },
        { text: "Contacter l'équipe", linkProps: { href: CONTACT_MAILTO } },
      ]}
    />
  );
}
