import type { Metadata } from "next";
import Link from "@/components/link";
import { requireMember } from "@/lib/auth/guards";
import { mayManageMembers } from "@/lib/access";
import { listMembers } from "@/lib/organizations/members";
import { MembersTable } from "@/components/organisation/members-table";
import { AddMemberForm } from "@/components/organisation/add-member-form";
import { ROUTES } from "@/lib/routes";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { CONTACT_MAILTO, SUPPORT_EMAIL } from "@/lib/help";

export const metadata: Metadata = { title: "Membres de l'organisation" };

/** Who has access to the current organisation; its admins add, remove and change roles here. */
export default async function MembersPage() {
  const member = await requireMember();
  const members = await listMembers(member);
  const canManage = mayManageMembers(member);
  const organizationName = member.organization.organizationName;
  return (
    <>
      <p className="fr-mb-2w">
        <Link href={ROUTES.organisation} className="fr-link fr-icon-arrow-left-line fr-link--icon-left">
          Mon organisation
        </Link>
      </p>
      <h1>Membres de l&apos;organisation</h1>
      <p>
        Les personnes qui ont accès aux candidatures de <strong>{organizationName}</strong>.
        {canManage ? "" : " Seuls les administrateurs de l'organisation peuvent ajouter ou retirer des membres."}
      </p>
      {!members.some((row) => row.role === "ADMIN") && (
        // Organisations are set up with an admin; one whose admins all left needs us to name another.
        <Alert
          severity="info"
          small
          className="fr-mb-3w"
          description={
            <>
              Votre organisation n&apos;a aucun administrateur&nbsp;: personne ne peut y ajouter de membre. Écrivez à{" "}
              <a href={CONTACT_MAILTO}>{SUPPORT_EMAIL}</a> pour en désigner un.
            </>
          }
        />
      )}
      <MembersTable caption={members.length > 1 ? `${members.length} membres` : "1 membre"} canManage={canManage} members={members} />
      {canManage && (
        <section aria-labelledby="add-member-title" className="fr-mt-5w">
          <h2 id="add-member-title" className="fr-h4">
            Ajouter un membre
          </h2>
          <AddMemberForm organizationName={organizationName} />
        </section>
      )}
    </>
  );
}
