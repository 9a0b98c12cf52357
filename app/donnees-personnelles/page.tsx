import type { Metadata } from "next";
import Link from "@/components/link";
import { newWindowLinkProps } from "@/components/new-window";
import { env } from "@/lib/env";
import { CONTACT_MAILTO, SUPPORT_EMAIL } from "@/lib/help";
import { LEGAL_FACT_MISSING } from "@/lib/legal";
import { ROUTES } from "@/lib/routes";
import { SIGN_IN_LINK_VALIDITY_LABEL } from "@/lib/auth/sign-in-link";
import { SESSION_IDLE_SECONDS } from "@/lib/auth/session-cookie";
import { RATE_LIMIT_HITS_MAX_AGE_MS } from "@/lib/auth/housekeeping";
import { EMAIL_BODY_MAX_AGE_DAYS, SIGN_IN_EMAIL_MAX_AGE_MS } from "@/lib/mail/retention";
import { DAY_MS, HOUR_MS, toSeconds } from "@/lib/time";
import { AUTO_ARCHIVE_AFTER_DAYS, STATUS_LABELS } from "@/lib/status";
import { CANDIDATE_LINK_VALIDITY } from "@/lib/vocabulary";

export const metadata: Metadata = { title: "Données personnelles" };

/**
 * What the service does with personal data (GDPR art. 13 and 14): candidates' data is typed by
 * their adviser, so their e-mails link here. Durations are read from the code that applies them.
 */
export default function PrivacyPage() {
  const { publisher } = env.legal;
  const sessionHours = SESSION_IDLE_SECONDS / toSeconds(HOUR_MS);
  // The daily job deletes what is older than its limit: up to a day more.
  const signInEmailDays = SIGN_IN_EMAIL_MAX_AGE_MS / DAY_MS;
  const rateLimitDays = RATE_LIMIT_HITS_MAX_AGE_MS / DAY_MS;
  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-lg-9">
        <h1>Données personnelles</h1>
        <p className="fr-text--lead">
          Les données que le service traite, pourquoi, qui les voit, combien de temps il les garde et comment exercer vos droits.
        </p>
        <p>
          Suivi des candidatures permet à un prescripteur (conseiller de France Travail, d&apos;une mission locale, de Cap emploi, d&apos;un
          service social…) d&apos;envoyer la candidature d&apos;une personne qu&apos;il accompagne à un employeur inclusif, puis à chacun de
          suivre la réponse.
        </p>

        <h2>Responsable du traitement</h2>
        <p>
          L&apos;éditeur du service, présenté dans les <Link href={ROUTES.legalNotice}>mentions légales</Link>&nbsp;:
        </p>
        <p>{publisher ?? LEGAL_FACT_MISSING}</p>

        <h2>Pourquoi</h2>
        <ul>
          <li>Envoyer une candidature à un employeur, qui l&apos;étudie et y répond.</li>
          <li>
            Tenir informés de chaque décision la personne candidate, le prescripteur et l&apos;équipe de l&apos;employeur, sur le service et
            par e-mail.
          </li>
          <li>Permettre aux professionnels de se connecter, et protéger le service contre les abus.</li>
        </ul>
        <p>
          Ce traitement relève d&apos;une mission d&apos;intérêt public, l&apos;accompagnement vers l&apos;emploi des personnes qui en sont
          éloignées (article 6, paragraphe 1, point e du règlement général sur la protection des données, RGPD).
        </p>

        <h2>Quelles données</h2>
        <h3>Personnes candidates</h3>
        <p>Elles sont saisies par le prescripteur qui accompagne la personne, et non par la personne elle-même&nbsp;:</p>
        <ul>
          <li>nom et prénom&nbsp;;</li>
          <li>adresse e-mail, téléphone et date de naissance, s&apos;ils sont donnés (tous facultatifs)&nbsp;;</li>
          <li>
            chaque candidature&nbsp;: l&apos;employeur, le ou les postes visés, le message du prescripteur, le statut et son historique, les
            réponses de l&apos;employeur et, en cas d&apos;embauche, les dates du contrat&nbsp;;
          </li>
          <li>les commentaires internes que l&apos;équipe de l&apos;employeur ajoute à une candidature.</li>
        </ul>
        <p>
          Les messages et commentaires ne doivent contenir que ce qui sert la candidature&nbsp;: ni données de santé, ni situation
          judiciaire, ni opinions.
        </p>
        <h3>Professionnels</h3>
        <ul>
          <li>
            nom, prénom, adresse e-mail professionnelle, organisations et rôle (membre ou administrateur), saisis par un administrateur de
            l&apos;organisation&nbsp;;
          </li>
          <li>les candidatures envoyées, les décisions prises et les commentaires écrits, avec leur auteur et leur date&nbsp;;</li>
          <li>les e-mails que chacun choisit de recevoir («&nbsp;Mes notifications&nbsp;»)&nbsp;;</li>
          <li>
            pour la connexion, la session et, contre les abus, une empreinte de l&apos;adresse e-mail et de l&apos;adresse IP de chaque
            demande de lien de connexion (jamais ces adresses en clair).
          </li>
        </ul>

        <h2>Qui les voit</h2>
        <ul>
          <li>
            L&apos;organisation qui a envoyé une candidature (tous ses membres)&nbsp;: cette candidature et ce qu&apos;elle a saisi de la
            personne. Jamais les candidatures envoyées par d&apos;autres organisations.
          </li>
          <li>L&apos;employeur qui a reçu une candidature (tous les membres de son équipe).</li>
          <li>
            La personne candidate, par le lien personnel de ses e-mails&nbsp;: ses candidatures et les réponses des employeurs. Le motif
            choisi par un employeur pour décliner une candidature, ses messages destinés au prescripteur et ses commentaires internes ne lui
            sont jamais montrés.
          </li>
          <li>
            Quand une personne est embauchée, les autres organisations qui ont une candidature en cours pour elle voient qu&apos;elle est
            «&nbsp;{STATUS_LABELS.OBSOLETE}&nbsp;», sans savoir chez quel employeur.
          </li>
          <li>
            Deux prestataires, pour le compte de l&apos;éditeur&nbsp;: l&apos;hébergeur (voir les{" "}
            <Link href={ROUTES.legalNotice}>mentions légales</Link>), et Resend (Resend, Inc., États-Unis), qui remet les e-mails du service
            et reçoit pour cela l&apos;adresse du destinataire et le contenu de chaque e-mail.
          </li>
        </ul>

        <h2>Combien de temps</h2>
        <ul>
          <li>
            Lien de connexion&nbsp;: valable {SIGN_IN_LINK_VALIDITY_LABEL}, une seule fois&nbsp;; l&apos;e-mail qui le contient est supprimé
            du service {signInEmailDays} à {signInEmailDays + 1}&nbsp;jours après son envoi.
          </li>
          <li>Session d&apos;un professionnel&nbsp;: elle prend fin après {sessionHours}&nbsp;heures sans activité.</li>
          <li>
            Lien personnel de suivi d&apos;une personne candidate&nbsp;: valable {CANDIDATE_LINK_VALIDITY.label} après l&apos;e-mail qui le
            contient. Une fois l&apos;e-mail remis, le service n&apos;en garde qu&apos;une empreinte, qui ne permet pas de le retrouver.
          </li>
          <li>
            E-mails envoyés&nbsp;: leur contenu est effacé du service après {EMAIL_BODY_MAX_AGE_DAYS}&nbsp;jours&nbsp;; restent le
            destinataire, l&apos;objet et les dates.
          </li>
          <li>
            Empreintes des demandes de connexion&nbsp;: supprimées après {rateLimitDays}&nbsp;jour{rateLimitDays > 1 ? "s" : ""}.
          </li>
          <li>
            Candidatures et données des personnes candidates&nbsp;: une candidature sans changement depuis {AUTO_ARCHIVE_AFTER_DAYS}
            &nbsp;jours est archivée, mais le service ne supprime pas encore les candidatures d&apos;elles-mêmes. Chacun peut en demander
            l&apos;effacement (ci-dessous).
          </li>
        </ul>

        <h2>Vos droits</h2>
        <p>
          Vous pouvez demander à accéder aux données qui vous concernent, à les faire corriger ou effacer, à en limiter l&apos;usage, ou
          vous opposer à leur traitement (articles 15 à 21 du RGPD). Personne candidate, vous pouvez vous adresser à la personne qui vous
          accompagne (son adresse figure dans nos e-mails) ou nous écrire directement.
        </p>
        <p>
          Écrivez-nous à <a href={CONTACT_MAILTO}>{SUPPORT_EMAIL}</a>. Nous répondons dans un délai d&apos;un mois.
        </p>
        <p>
          Si vous estimez que vos droits ne sont pas respectés, vous pouvez{" "}
          <a href="https://www.cnil.fr/fr/adresser-une-plainte" {...newWindowLinkProps("adresser une réclamation à la CNIL")}>
            adresser une réclamation à la CNIL
          </a>{" "}
          (Commission nationale de l&apos;informatique et des libertés).
        </p>

        <h2>Cookies</h2>
        <p>
          Le service ne dépose que les cookies nécessaires à son fonctionnement, qui ne demandent pas votre consentement&nbsp;: la session
          d&apos;un professionnel connecté et sa protection, l&apos;organisation choisie par un professionnel membre de plusieurs
          organisations et, pendant quelques secondes après une décision, de quoi lui montrer les données à jour. Aucune mesure
          d&apos;audience, aucun cookie d&apos;un autre site. La page de suivi d&apos;une personne candidate n&apos;en dépose aucun.
        </p>
      </div>
    </div>
  );
}
