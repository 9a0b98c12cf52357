import type { Metadata } from "next";
import { env } from "@/lib/env";
import { CONTACT_MAILTO, SUPPORT_EMAIL } from "@/lib/help";
import Link from "@/components/link";
import { newWindowLinkProps } from "@/components/new-window";
import { ACCESSIBILITY_DECLARATION_DAY } from "@/lib/legal";
import { ROUTES } from "@/lib/routes";

export const metadata: Metadata = { title: "Déclaration d'accessibilité" };

/**
 * The declaration the law asks of every public service (loi n° 2005-102, art. 47), in the RGAA's
 * model. Its status is the footer's (lib/legal.ts ACCESSIBILITY_COMPLIANCE): no audit yet.
 */
export default function AccessibilityPage() {
  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-lg-9">
        <h1>Déclaration d&apos;accessibilité</h1>
        <p>
          L&apos;éditeur de Suivi des candidatures (voir les <Link href={ROUTES.legalNotice}>mentions légales</Link>) s&apos;engage à rendre
          son service accessible, conformément à l&apos;article 47 de la loi n°&nbsp;2005-102 du 11&nbsp;février 2005.
        </p>
        <p>Cette déclaration d&apos;accessibilité s&apos;applique à Suivi des candidatures ({env.appUrl}).</p>

        <h2>État de conformité</h2>
        <p>
          <strong>Suivi des candidatures est non conforme</strong> avec le référentiel général d&apos;amélioration de l&apos;accessibilité
          (RGAA), version 4.1.2&nbsp;: le service n&apos;a pas encore été audité.
        </p>

        <h2>Ce qui est vérifié en attendant un audit</h2>
        <p>Ces vérifications ne remplacent pas un audit et ne permettent pas de déclarer un taux de conformité&nbsp;:</p>
        <ul>
          <li>
            les écrans du service sont contrôlés automatiquement (axe-core) dans un vrai navigateur à chaque modification, et une erreur
            empêche la modification d&apos;être publiée&nbsp;;
          </li>
          <li>
            des parcours clés (envoyer une candidature, décider, filtrer une liste, gérer les membres) sont testés au clavier seul&nbsp;;
          </li>
          <li>
            les écrans sont relus sur un téléphone de 320 à 390&nbsp;pixels de large et sur un ordinateur&nbsp;: rien n&apos;y dépasse de
            l&apos;écran, et aucun texte n&apos;y est coupé&nbsp;;
          </li>
          <li>chaque graphique des statistiques est accompagné d&apos;un tableau qui donne les mêmes chiffres.</li>
        </ul>
        <p>Le service n&apos;a pas encore été testé avec un lecteur d&apos;écran.</p>

        <h2>Établissement de cette déclaration</h2>
        <p>Cette déclaration a été établie le {ACCESSIBILITY_DECLARATION_DAY}.</p>
        <ul>
          <li>Technologies utilisées&nbsp;: HTML, CSS (système de design de l&apos;État), JavaScript.</li>
          <li>Environnement des vérifications&nbsp;: Chromium, sous Linux, avec axe-core.</li>
        </ul>

        <h2>Retour d&apos;information et contact</h2>
        <p>
          Si vous n&apos;arrivez pas à accéder à un contenu ou à un service, écrivez-nous à <a href={CONTACT_MAILTO}>{SUPPORT_EMAIL}</a>
          &nbsp;: nous vous orienterons vers une autre façon de l&apos;obtenir, ou vous l&apos;enverrons sous une autre forme.
        </p>

        <h2>Voies de recours</h2>
        <p>
          Si vous nous avez signalé un défaut d&apos;accessibilité qui vous empêche d&apos;accéder à un contenu ou à un service, et que vous
          n&apos;avez pas obtenu de réponse satisfaisante, vous pouvez&nbsp;:
        </p>
        <ul>
          <li>
            écrire un message au{" "}
            <a href="https://formulaire.defenseurdesdroits.fr/" {...newWindowLinkProps("Défenseur des droits")}>
              Défenseur des droits
            </a>
            &nbsp;;
          </li>
          <li>
            contacter{" "}
            <a
              href="https://www.defenseurdesdroits.fr/saisir/delegues"
              {...newWindowLinkProps("le délégué du Défenseur des droits dans votre région")}
            >
              le délégué du Défenseur des droits dans votre région
            </a>
            &nbsp;;
          </li>
          <li>
            envoyer un courrier par la poste (gratuit, ne pas mettre de timbre)&nbsp;: Défenseur des droits, Libre réponse 71120, 75342
            Paris CEDEX 07.
          </li>
        </ul>
      </div>
    </div>
  );
}
