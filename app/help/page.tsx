import type { Metadata } from "next";
import Link from "@/components/link";
import { newWindowLinkProps } from "@/components/new-window";
import { Accordion } from "@codegouvfr/react-dsfr/Accordion";
import { CONTACT_MAILTO, FORUM_URL, SUPPORT_EMAIL } from "@/lib/help";
import {
  APPLICATION_STATUSES,
  AUTO_REFUSAL_WARNING_DAYS,
  REFUSAL_REASON_LABELS,
  STATUS_DESCRIPTIONS,
  STATUS_LABELS,
  TAKE_OVER,
  formatWait,
} from "@/lib/status";
import { env } from "@/lib/env";
import { StatusBadge } from "@/components/applications/status-badge";
import { ROUTES } from "@/lib/routes";

export const metadata: Metadata = { title: "Aide\u00a0: suivi des candidatures" };

export default function HelpPage() {
  const wait = formatWait(env.AUTO_REFUSAL_DAYS);
  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-lg-9">
        <h1>Aide&nbsp;: suivi des candidatures</h1>
        <p className="fr-text--lead">Les réponses aux questions les plus fréquentes des prescripteurs et des employeurs.</p>

        <div className="fr-accordions-group">
          <Accordion label="Suis-je tenu informé(e) de l'avancée des candidatures des personnes que j'accompagne&nbsp;?" titleAs="h2">
            <p>
              Oui, de deux façons. Votre <Link href={ROUTES.dashboard}>tableau de bord</Link> compte les candidatures de votre organisation
              par statut (à l&apos;étude, acceptées, pour plus tard, déclinées…) et chaque compteur ouvre la liste correspondante. Et vous
              recevez un e-mail à chaque changement de statut décidé par l&apos;employeur (sauf le passage «&nbsp;à l&apos;étude&nbsp;»,
              voir plus bas). Vous pouvez choisir les e-mails que vous recevez dans «&nbsp;
              <Link href={ROUTES.notifications}>Mes notifications</Link>&nbsp;».
            </p>
          </Accordion>
          <Accordion label="Le prescripteur est-il informé du motif de refus&nbsp;?" titleAs="h2">
            <p>
              Oui. Pour décliner une candidature, l&apos;employeur choisit obligatoirement un motif dans une liste. Ce motif vous est envoyé
              par e-mail et reste affiché sur la page de la candidature, avec la réponse adressée au candidat et, s&apos;il y en a un, le
              message que l&apos;employeur vous destine. Le motif n&apos;est jamais communiqué au candidat&nbsp;: il reçoit uniquement le
              message de réponse.
            </p>
          </Accordion>
          <Accordion label="Peut-on voir toutes les candidatures d'un demandeur d'emploi&nbsp;?" titleAs="h2">
            <p>
              Uniquement celles envoyées par votre organisation. En cliquant sur le nom d&apos;un candidat dans le «&nbsp;Suivi des
              candidatures&nbsp;», vous voyez ses coordonnées et toutes les candidatures que vous et vos collègues avez envoyées pour lui —
              pas celles d&apos;autres organisations.
            </p>
          </Accordion>
          <Accordion label="Comment voir toutes les candidatures envoyées par mon organisation&nbsp;?" titleAs="h2">
            <p>
              Prescripteur&nbsp;: depuis votre tableau de bord, ouvrez «&nbsp;
              <Link href={ROUTES.prescriberApplications}>Suivi des candidatures</Link>&nbsp;». Vous y trouvez vos candidatures et celles de
              tous les membres de votre organisation, avec des filtres par statut, candidat, collègue, employeur et période.
            </p>
            <p>
              Côté employeur, toutes les candidatures reçues par votre structure, quel que soit le membre qui les traite, sont dans «&nbsp;
              <Link href={ROUTES.employerApplications}>Candidatures reçues</Link>&nbsp;».
            </p>
          </Accordion>
          <Accordion label="Le candidat que j'ai accompagné est-il tenu informé de l'avancement de sa candidature&nbsp;?" titleAs="h2">
            <p>
              Si vous avez indiqué son adresse e-mail en postulant pour lui, oui&nbsp;: il reçoit un e-mail à chaque étape (candidature
              envoyée, acceptée, pour plus tard, déclinée, embauche annulée), avec un lien personnel vers une page qui montre l&apos;état de
              ses candidatures, sans créer de compte.
            </p>
          </Accordion>
          <Accordion label="Quels sont les différents statuts d'une candidature&nbsp;?" titleAs="h2">
            <p>Il existe 7 statuts&nbsp;:</p>
            <ul>
              {APPLICATION_STATUSES.map((status) => (
                <li key={status} className="fr-mb-1w">
                  <StatusBadge status={status} small /> {STATUS_DESCRIPTIONS[status]}.
                </li>
              ))}
            </ul>
          </Accordion>
          <Accordion label="Les employeurs sont-ils alertés en cas d'embauche par un autre employeur&nbsp;?" titleAs="h2">
            <p>
              Oui. Dès qu&apos;un employeur accepte une candidature, toutes les autres candidatures en cours du même candidat passent au
              statut «&nbsp;Embauché ailleurs&nbsp;», quelle que soit l&apos;organisation qui les a envoyées. Les employeurs concernés et
              les prescripteurs en sont informés par e-mail.
            </p>
          </Accordion>
          <Accordion label="Comment faire si le candidat n'a pas accès à sa boîte mail&nbsp;?" titleAs="h2">
            <p>
              L&apos;adresse e-mail du candidat est facultative. En tant que prescripteur, vous êtes notifié de chaque décision de
              l&apos;employeur et pouvez la transmettre au candidat. Pensez à le préciser à l&apos;employeur dans le message de candidature.
            </p>
          </Accordion>
          <Accordion label="Que se passe-t-il si je clique sur «&nbsp;J'étudie la candidature&nbsp;»&nbsp;?" titleAs="h2">
            <p>
              La candidature passe «&nbsp;à l&apos;étude&nbsp;»&nbsp;: le candidat et le prescripteur voient qu&apos;elle est en cours de
              traitement, et vos collègues voient que vous vous en occupez («&nbsp;Prise en charge par …&nbsp;»). Aucun e-mail n&apos;est
              envoyé à ce moment-là. Un collègue peut ensuite la reprendre avec «&nbsp;{TAKE_OVER.buttonLabel}&nbsp;», tant qu&apos;elle est
              à l&apos;étude ou que l&apos;embauche est reportée.
            </p>
          </Accordion>
          <Accordion label="Que se passe-t-il si une candidature reste sans réponse&nbsp;?" titleAs="h2">
            <p>
              Une candidature «&nbsp;{STATUS_LABELS.NEW}&nbsp;» ou «&nbsp;{STATUS_LABELS.PROCESSING}&nbsp;» dont le statut n&apos;a pas
              changé depuis {wait} est déclinée automatiquement, avec le motif «&nbsp;{REFUSAL_REASON_LABELS.AUTO}&nbsp;»&nbsp;: le
              prescripteur et le candidat en sont informés, et le candidat est invité à postuler auprès d&apos;autres employeurs.
            </p>
            <p>
              {AUTO_REFUSAL_WARNING_DAYS} jours avant, l&apos;équipe de l&apos;employeur reçoit un e-mail qui liste les candidatures
              concernées, et la liste «&nbsp;Candidatures reçues&nbsp;» comme la page de chacune indiquent la date du refus. Tout changement
              de statut relance le délai&nbsp;; une embauche reportée («&nbsp;{STATUS_LABELS.POSTPONED}&nbsp;») n&apos;est pas concernée.
            </p>
          </Accordion>
        </div>

        <h2 className="fr-mt-6w">Vous n&apos;avez pas trouvé la réponse à votre question&nbsp;?</h2>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <div className="fr-card fr-p-3w">
              <h3 className="fr-h5">Poser votre question sur le forum</h3>
              <p>
                Pour une demande d&apos;information sans données personnelles (le fonctionnement du service, par exemple)&nbsp;: la
                communauté vous répond, et la réponse profite à tous.
              </p>
              <a className="fr-link" href={FORUM_URL} {...newWindowLinkProps("Forum de l'inclusion")}>
                Forum de l&apos;inclusion
              </a>
            </div>
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <div className="fr-card fr-p-3w">
              <h3 className="fr-h5">Contacter l&apos;équipe</h3>
              <p>Pour une situation particulière, écrivez-nous en donnant le plus d&apos;informations possible&nbsp;:</p>
              <ul>
                <li>nom, prénom et adresse e-mail du candidat&nbsp;;</li>
                <li>adresse e-mail de l&apos;utilisateur concerné&nbsp;;</li>
                <li>numéro de PASS IAE, le cas échéant&nbsp;;</li>
                <li>numéro ID de votre structure ou, à défaut, son numéro de SIRET.</li>
              </ul>
              <a className="fr-link" href={CONTACT_MAILTO}>
                Écrire à {SUPPORT_EMAIL}
              </a>
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}
