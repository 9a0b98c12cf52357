import Link from "@/components/link";
import { mayManageMembers } from "@/lib/access";
import type { CurrentMember } from "@/lib/auth/guards";
import { ROUTES } from "@/lib/routes";

/** On « Mon organisation »: the way to « Membres de l'organisation ». */
export function MembersSection({ member }: { member: CurrentMember }) {
  const canManage = mayManageMembers(member);
  return (
    <section aria-labelledby="organisation-members" className="fr-mt-5w">
      <h2 id="organisation-members" className="fr-h4">
        Membres
      </h2>
      <p>
        {canManage
          ? "Donnez accès à vos collègues, retirez celles et ceux qui ont quitté l'organisation, choisissez les administrateurs."
          : "Les personnes qui ont accès aux candidatures de l'organisation."}
      </p>
      <Link href={ROUTES.members} className="fr-link fr-icon-arrow-right-line fr-link--icon-right">
        {canManage ? "Gérer les membres" : "Voir les membres"}
      </Link>
    </section>
  );
}
