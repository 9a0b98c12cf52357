import Link from "@/components/link";
import { redirect } from "next/navigation";
import { getSignedInUser } from "@/lib/auth/guards";
import { SignInPanel } from "@/components/auth/sign-in-panel";
import { ROUTES } from "@/lib/routes";

export default async function HomePage() {
  if (await getSignedInUser()) redirect(ROUTES.dashboard);
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      <div className="fr-col-12 fr-col-md-7">
        <h1>Suivi des candidatures</h1>
        <p className="fr-text--lead">
          Envoyez les candidatures des personnes que vous accompagnez aux employeurs inclusifs, et suivez chaque décision.
        </p>
        <ul>
          <li>
            <strong>Prescripteurs</strong>&nbsp;: votre tableau de bord rassemble les candidatures envoyées par toute votre organisation, et
            vous êtes alerté par e-mail à chaque changement de statut.
          </li>
          <li>
            <strong>Employeurs</strong>&nbsp;: étudiez les candidatures reçues, répondez en un clic et voyez qui, dans votre équipe,
            s&apos;occupe de quoi.
          </li>
          <li>
            <strong>Candidats</strong>&nbsp;: si une adresse e-mail a été donnée, vous êtes informé à chaque étape, par un lien personnel,
            sans créer de compte.
          </li>
        </ul>
        <p>
          <Link href={ROUTES.help}>Questions fréquentes sur le suivi des candidatures</Link>
        </p>
      </div>
      <div className="fr-col-12 fr-col-md-5">
        <SignInPanel />
      </div>
    </div>
  );
}
