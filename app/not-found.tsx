import type { Metadata } from "next";
import Link from "@/components/link";
import { ROUTES } from "@/lib/routes";

export const metadata: Metadata = { title: "Page introuvable" };

// Also what an application, a candidate or a page of another organisation answers (DESIGN §6).
export default function NotFound() {
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8">
        <h1>Page introuvable</h1>
        <p className="fr-text--sm fr-mb-3w">Erreur 404</p>
        <p className="fr-text--lead">
          La page que vous cherchez n&apos;existe pas, ou elle n&apos;est pas accessible avec l&apos;organisation dans laquelle vous êtes
          connecté.
        </p>
        <p>
          Si vous avez suivi un lien, vérifiez que vous êtes connecté avec la bonne organisation&nbsp;; sinon, repartez de votre tableau de
          bord.
        </p>
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <Link className="fr-btn" href={ROUTES.dashboard}>
              Tableau de bord
            </Link>
          </li>
          <li>
            <Link className="fr-btn fr-btn--secondary" href={ROUTES.help}>
              Aide
            </Link>
          </li>
        </ul>
      </div>
    </div>
  );
}
