import type { Metadata } from "next";
import Link from "@/components/link";
import { env } from "@/lib/env";
import { CONTACT_MAILTO, SECURITY_EMAIL, SUPPORT_EMAIL } from "@/lib/help";
import { LEGAL_FACT_MISSING } from "@/lib/legal";
import { ROUTES } from "@/lib/routes";

export const metadata: Metadata = { title: "Mentions légales" };

/** LCEN art. 6: who publishes the service and who hosts it, from this deployment's settings. */
export default function LegalNoticePage() {
  const { publisher, publicationDirector, host } = env.legal;
  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-lg-9">
        <h1>Mentions légales</h1>

        <h2>Éditeur</h2>
        <p>{publisher ?? LEGAL_FACT_MISSING}</p>

        <h2>Directeur ou directrice de la publication</h2>
        <p>{publicationDirector ?? LEGAL_FACT_MISSING}</p>

        <h2>Hébergement</h2>
        <p>{host ?? LEGAL_FACT_MISSING}</p>

        <h2>Nous contacter</h2>
        <p>
          Par e-mail&nbsp;: <a href={CONTACT_MAILTO}>{SUPPORT_EMAIL}</a>.
        </p>

        <h2>Accessibilité</h2>
        <p>
          Ce que le service respecte du référentiel général d&apos;amélioration de l&apos;accessibilité (RGAA), et comment nous signaler une
          difficulté&nbsp;: <Link href={ROUTES.accessibility}>déclaration d&apos;accessibilité</Link>.
        </p>

        <h2>Données personnelles</h2>
        <p>
          Les données que le service traite, pourquoi, qui les voit, combien de temps elles sont gardées et comment exercer vos
          droits&nbsp;: <Link href={ROUTES.privacy}>données personnelles</Link>.
        </p>

        <h2>Sécurité</h2>
        <p>
          Pour nous signaler une faille de sécurité, écrivez à <a href={`mailto:${SECURITY_EMAIL}`}>{SECURITY_EMAIL}</a> sans la rendre
          publique&nbsp;: décrivez le problème, comment le reproduire et son impact, sans utiliser les données réelles d&apos;autres
          personnes.
        </p>
      </div>
    </div>
  );
}
