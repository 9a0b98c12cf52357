import { Header, type HeaderProps } from "@codegouvfr/react-dsfr/Header";
import type { MainNavigationProps } from "@codegouvfr/react-dsfr/MainNavigation";
import { getCurrentMember, getSignedInUser } from "@/lib/auth/guards";
import { signOutAction } from "@/lib/auth/actions";
import { isPrescriber } from "@/lib/access";
import { ROUTES } from "@/lib/routes";

const SIGN_OUT_FORM = "sign-out-form";

// DSFR quick-access links never wrap: a long organisation name pushed the header wider than a
// 1280 px window. The whole name stays in the link's title and on /organisation.
const QUICK_ACCESS_MAX_LENGTH = 40;
function shortName(name: string): string {
  if (name.length <= QUICK_ACCESS_MAX_LENGTH) return name;
  const cut = name.slice(0, QUICK_ACCESS_MAX_LENGTH);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 0 ? cut.lastIndexOf(" ") : cut.length).replace(/[\s,;:'’-]+$/, "")}…`;
}

export async function SiteHeader() {
  const user = await getSignedInUser();
  const member = user ? await getCurrentMember() : null;

  const navigation: MainNavigationProps.Item[] = [];
  if (member) {
    navigation.push({ text: "Tableau de bord", linkProps: { href: ROUTES.dashboard } });
    if (isPrescriber(member)) {
      navigation.push(
        { text: "Suivi des candidatures", linkProps: { href: ROUTES.prescriberApplications } },
        { text: "Envoyer une candidature", linkProps: { href: ROUTES.newApplication } },
      );
    } else {
      navigation.push(
        { text: "Candidatures reçues", linkProps: { href: ROUTES.employerApplications } },
        { text: "Fiches de poste", linkProps: { href: ROUTES.employerJobs } },
      );
    }
    navigation.push({ text: "Statistiques", linkProps: { href: ROUTES.stats } });
  }
  navigation.push({ text: "Aide", linkProps: { href: ROUTES.help } });

  const quickAccessItems: HeaderProps.QuickAccessItem[] = user
    ? [
        {
          iconId: "fr-icon-building-line",
          text: member ? shortName(member.organization.organizationName) : "Choisir une organisation",
          linkProps: {
            href: ROUTES.organisation,
            title: member ? `${member.organization.organizationName} — changer d'organisation` : "Changer d'organisation",
          },
        },
        { iconId: "fr-icon-notification-3-line", text: "Mes notifications", linkProps: { href: ROUTES.notifications } },
        {
          iconId: "fr-icon-logout-box-r-line",
          text: "Se déconnecter",
          buttonProps: { type: "submit", form: SIGN_OUT_FORM },
        },
      ]
    : [{ iconId: "fr-icon-account-circle-line", text: "Se connecter", linkProps: { href: ROUTES.signIn } }];

  return (
    <>
      {user && <form id={SIGN_OUT_FORM} action={signOutAction} hidden />}
      <Header
        brandTop={
          <>
            République
            <br />
            Française
          </>
        }
        homeLinkProps={{ href: user ? ROUTES.dashboard : "/", title: "Accueil — Suivi des candidatures" }}
        serviceTitle="Suivi des candidatures"
        serviceTagline="Candidatures des personnes accompagnées vers l'insertion par l'activité économique"
        quickAccessItems={quickAccessItems}
        navigation={navigation}
      />
    </>
  );
}
