import { mayEditOrganizationContact, isEmployer } from "@/lib/access";
import type { CurrentMember } from "@/lib/auth/guards";
import { readOrganizationContact } from "@/lib/organizations/contact";
import { OrganizationContactForm } from "@/components/organisation/contact-form";

/** « Coordonnées de l'organisation »: the admins change them, the other members read them. */
export async function OrganizationContactSection({ member }: { member: CurrentMember }) {
  const contact = await readOrganizationContact(member);
  const employer = isEmployer(member);
  return (
    <section aria-labelledby="organisation-contact" className="fr-mt-5w">
      <h2 id="organisation-contact" className="fr-h4">
        Coordonnées de l&apos;organisation
      </h2>
      {mayEditOrganizationContact(member) ? (
        <OrganizationContactForm
          initial={{ contactEmail: contact.contactEmail ?? "", contactPhone: contact.contactPhone ?? "" }}
          isEmployer={employer}
        />
      ) : (
        <>
          <ul>
            <li>E-mail&nbsp;: {contact.contactEmail ?? "non renseigné"}</li>
            <li>Téléphone&nbsp;: {contact.contactPhone ?? "non renseigné"}</li>
          </ul>
          <p className="fr-hint-text">Seuls les administrateurs de l&apos;organisation peuvent les modifier.</p>
        </>
      )}
    </section>
  );
}
