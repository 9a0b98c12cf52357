import type { Metadata } from "next";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { requireUser, getCurrentMember } from "@/lib/auth/guards";
import { selectOrganization } from "@/lib/auth/actions";
import Link from "@/components/link";
import { ROUTES } from "@/lib/routes";
import { OrganizationContactSection } from "@/components/organisation/contact-section";
import { MembersSection } from "@/components/organisation/members-section";

export const metadata: Metadata = { title: "Organisation" };

const KIND_LABELS = { PRESCRIBER: "Prescripteur", EMPLOYER: "Employeur" } as const;

export default async function SelectOrganizationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const current = await getCurrentMember();
  const params = await searchParams;

  if (user.memberships.length === 0) {
    return (
      <>
        <h1>Aucune organisation</h1>
        <Alert
          severity="warning"
          title="Votre compte n'est rattaché à aucune organisation active."
          description="Demandez à un administrateur de votre organisation de vous y ajouter, puis reconnectez-vous."
        />
      </>
    );
  }

  // The header links here for everyone: with one organisation there is nothing to choose.
  const [only] = user.memberships;
  if (user.memberships.length === 1 && only) {
    return (
      <>
        <h1>Mon organisation</h1>
        <p>
          Vous êtes membre de <strong>{only.organizationName}</strong> ({KIND_LABELS[only.organizationKind].toLowerCase()}
          {only.role === "ADMIN" ? ", administrateur" : ""})&nbsp;: tout ce que vous voyez et faites la concerne.
        </p>
        <p>
          <Link href={ROUTES.dashboard} className="fr-link fr-icon-arrow-left-line fr-link--icon-left">
            Tableau de bord
          </Link>
        </p>
        {current && <MembersSection member={current} />}
        {current && <OrganizationContactSection member={current} />}
      </>
    );
  }

  return (
    <>
      <h1>Choisir une organisation</h1>
      <p>Vous êtes membre de plusieurs organisations&nbsp;: tout ce que vous voyez et faites concerne celle que vous choisissez.</p>
      {params.invalide && (
        <Alert severity="error" small description="Cette organisation n'est pas l'une des vôtres." className="fr-mb-3w" />
      )}
      <form action={selectOrganization}>
        <fieldset className="fr-fieldset" aria-labelledby="organisations-legend">
          <legend className="fr-fieldset__legend" id="organisations-legend">
            Organisation
          </legend>
          {user.memberships.map((membership) => (
            <div key={membership.organizationId} className="fr-fieldset__element">
              <div className="fr-radio-group">
                <input
                  type="radio"
                  id={`org-${membership.organizationId}`}
                  name="organizationId"
                  value={membership.organizationId}
                  defaultChecked={membership.organizationId === current?.organizationId}
                  required
                />
                <label className="fr-label" htmlFor={`org-${membership.organizationId}`}>
                  {membership.organizationName}
                  <span className="fr-hint-text">
                    {KIND_LABELS[membership.organizationKind]}
                    {membership.role === "ADMIN" ? " — administrateur" : ""}
                  </span>
                </label>
              </div>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="fr-btn">
          Continuer
        </button>
      </form>
      {current && <MembersSection member={current} />}
      {current && <OrganizationContactSection member={current} />}
    </>
  );
}
