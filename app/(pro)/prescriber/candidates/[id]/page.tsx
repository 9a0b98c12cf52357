import type { Metadata } from "next";
import { cache } from "react";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { requireMember } from "@/lib/auth/guards";
import { getOrganizationCandidate } from "@/lib/applications/candidates";
import { StatusLink } from "@/components/applications/status-link";
import { formatCalendarDate, formatDay, personName } from "@/components/applications/format";
import { ROUTES, applicationPath, newApplicationPath } from "@/lib/routes";
import { appliedForLabel } from "@/lib/job-descriptions/vocabulary";
import { ofName, toName } from "@/lib/french";

// Scoped: a candidate this organisation never applied for does not exist here. Read once for the
// title (the person's name, to tell the tabs apart) and the page (React's cache, per request).
const readCandidate = cache(async (id: string) => getOrganizationCandidate(await requireMember("PRESCRIBER"), id));

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const candidate = await readCandidate((await params).id);
  // Not found from here too, so that the 404 is not titled as a candidate.
  if (!candidate) notFound();
  return { title: personName(candidate) };
}

export default async function PrescriberCandidatePage({ params }: { params: Promise<{ id: string }> }) {
  const member = await requireMember("PRESCRIBER");
  const { id } = await params;
  const candidate = await readCandidate(id);
  if (!candidate) notFound();
  const name = personName(candidate);

  return (
    <>
      <nav role="navigation" className="fr-breadcrumb" aria-label="vous êtes ici&nbsp;:">
        <ol className="fr-breadcrumb__list">
          <li>
            <Link className="fr-breadcrumb__link" href={ROUTES.prescriberApplications}>
              Suivi des candidatures
            </Link>
          </li>
          <li>
            <a className="fr-breadcrumb__link" aria-current="page">
              {name}
            </a>
          </li>
        </ol>
      </nav>

      <h1>{name}</h1>
      <dl className="fr-mb-4w">
        <dt className="fr-text--bold">Adresse e-mail</dt>
        <dd className="fr-ml-0 fr-mb-1w">
          {candidate.email ?? "Aucune — le candidat ne reçoit pas d'e-mail\u00a0; vous êtes informé(e) de chaque décision."}
        </dd>
        <dt className="fr-text--bold">Téléphone</dt>
        <dd className="fr-ml-0 fr-mb-1w">{candidate.phone ?? "Non renseigné"}</dd>
        <dt className="fr-text--bold">Date de naissance</dt>
        <dd className="fr-ml-0 fr-mb-1w">{candidate.birthDate ? formatCalendarDate(candidate.birthDate) : "Non renseignée"}</dd>
      </dl>

      <Link className="fr-btn fr-mb-4w" href={newApplicationPath(candidate.id)}>
        Envoyer une nouvelle candidature pour {name}
      </Link>

      <h2 className="fr-h4">Candidatures envoyées par votre organisation</h2>
      <p className="fr-text--sm">
        Seules les candidatures envoyées par {member.organization.organizationName} sont affichées&nbsp;: celles d&apos;autres organisations
        pour cette personne ne vous sont pas visibles.
      </p>
      <Table
        caption={`Candidatures ${ofName(name)} envoyées par votre organisation`}
        noCaption
        headers={["Employeur", "Métier ou poste", "Envoyée par", "Date d'envoi", "Statut"]}
        data={candidate.applications.map((application) => [
          application.employerOrganization.city
            ? `${application.employerOrganization.name} (${application.employerOrganization.city})`
            : application.employerOrganization.name,
          appliedForLabel(application),
          personName(application.senderUser),
          <time key="date" dateTime={application.createdAt.toISOString()}>
            {formatDay(application.createdAt)}
          </time>,
          <StatusLink
            key="status"
            href={applicationPath(application.id)}
            status={application.status}
            description={`Voir la candidature envoyée ${toName(application.employerOrganization.name)}`}
          />,
        ])}
      />
    </>
  );
}
