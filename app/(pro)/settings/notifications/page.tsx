import type { Metadata } from "next";
import Link from "@/components/link";
import { getCurrentMember, requireUser } from "@/lib/auth/guards";
import { mayManageFailedEmails } from "@/lib/access";
import { EMAIL_KIND_HINTS } from "@/lib/notifications/kinds";
import { getNotificationSettings } from "@/lib/notifications/preferences";
import { NotificationPreferencesForm } from "@/components/notifications/preferences-form";
import { ROUTES } from "@/lib/routes";

export const metadata: Metadata = { title: "Mes notifications" };

export default async function NotificationSettingsPage() {
  const user = await requireUser();
  const settings = await getNotificationSettings(user.id);
  const member = await getCurrentMember();
  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
        <h1>Mes notifications</h1>
        <p className="fr-text--lead">
          Choisissez les e-mails que vous recevez à l&apos;adresse <strong>{user.email}</strong>. Ces choix ne concernent que vous&nbsp;:
          vos collègues gardent les leurs.
        </p>
        <p>
          Les e-mails de connexion sont toujours envoyés&nbsp;: ils ne peuvent pas être désactivés. Les candidats, eux, restent informés à
          chaque étape lorsqu&apos;une adresse e-mail a été indiquée pour eux.
        </p>
        {settings.length === 0 ? (
          <p>Vous ne faites partie d&apos;aucune organisation&nbsp;: aucun e-mail de suivi ne vous est envoyé.</p>
        ) : (
          <NotificationPreferencesForm settings={settings.map((setting) => ({ ...setting, hint: EMAIL_KIND_HINTS[setting.kind] }))} />
        )}
        {member && mayManageFailedEmails(member) && (
          <p className="fr-mt-4w">
            <Link className="fr-link fr-icon-arrow-right-line fr-link--icon-right" href={ROUTES.failedEmails}>
              E-mails non remis de votre organisation
            </Link>
          </p>
        )}
      </div>
    </div>
  );
}
