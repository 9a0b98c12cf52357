import type { Metadata } from "next";
import { cache } from "react";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { requireMember } from "@/lib/auth/guards";
import { getSentApplicationSummary } from "@/lib/applications/prescriber";
import { personName } from "@/components/applications/format";
import { ROUTES, applicationPath, newApplicationPath } from "@/lib/routes";
import { ofName, toName } from "@/lib/french";

// Read once for the title and the page (React's cache, per request).
const readSent = cache(async (id: string) => getSentApplicationSummary(await requireMember("PRESCRIBER"), id));

// Not found from here too, so that the 404 is not titled as this page (lib/auth/guards.ts sidePageMetadata).
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  if (!(await readSent((await params).id))) notFound();
  return { title: "Candidature envoyée" };
}

export default async function ApplicationSentPage({ params }: { params: Promise<{ id: string }> }) {
  const application = await readSent((await params).id);
  if (!application) notFound();
  const name = personName(application.candidate);

  return (
    <>
      <h1>Candidature envoyée</h1>
      <Alert
        severity="success"
        as="h2"
        title={`La candidature ${ofName(name)} a été envoyée ${toName(application.employerOrganization.name)}.`}
        description="La structure en est informée par e-mail. Chaque décision de l'employeur apparaîtra dans «&nbsp;Suivi des candidatures&nbsp;» et vous sera envoyée par e-mail, sauf si vous l'avez désactivé dans «&nbsp;Mes notifications&nbsp;»."
        className="fr-mb-3w"
      />
      {application.candidate.email ? (
        <p>
          Le candidat recevra un e-mail de confirmation, puis un e-mail à chaque étape, avec un lien personnel pour suivre sa candidature.
        </p>
      ) : (
        <p>
          Le candidat n&apos;a pas d&apos;adresse e-mail&nbsp;: il ne recevra aucun e-mail. Vous serez informé(e) de chaque décision de
          l&apos;employeur&nbsp;: pensez à la lui transmettre.
        </p>
      )}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Link className="fr-btn" href={applicationPath(application.id)}>
            Voir la candidature
          </Link>
        </li>
        <li>
          <Link className="fr-btn fr-btn--secondary" href={ROUTES.prescriberApplications}>
            Suivi des candidatures
          </Link>
        </li>
        <li>
          <Link className="fr-btn fr-btn--tertiary" href={newApplicationPath(application.candidate.id)}>
            Envoyer une autre candidature pour {name}
          </Link>
        </li>
      </ul>
    </>
  );
}
