import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { requireMember } from "@/lib/auth/guards";
import { mayManageFailedEmails } from "@/lib/access";
import { listFailedEmails, readSendingPause } from "@/lib/mail/failed-emails";
import { EMAIL_KIND_LABELS, type EmailKind } from "@/lib/status";
import { FailedEmailsTable } from "@/components/mail/failed-emails-table";
import { explainDeliveryError } from "@/lib/mail/delivery-policy";

// Not found from here too for a non-admin, so that the 404 is not titled as this page
// (lib/auth/guards.ts sidePageMetadata).
export async function generateMetadata(): Promise<Metadata> {
  if (!mayManageFailedEmails(await requireMember())) notFound();
  return { title: "E-mails non remis" };
}

const MOMENT = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Paris" });

function kindLabel(template: string): string {
  if (template === "sign_in") return "Lien de connexion";
  return EMAIL_KIND_LABELS[template as EmailKind] ?? template;
}

/** The emails the sender gave up on, for the admins of the organisation they concern; a 404 to anyone else. */
export default async function FailedEmailsPage() {
  const member = await requireMember();
  const emails = await listFailedEmails(member);
  if (!emails) notFound();
  const pausedSince = await readSendingPause(member);
  return (
    <>
      <h1>E-mails non remis</h1>
      {pausedSince && (
        <Alert
          severity="warning"
          className="fr-mb-4w"
          // Right under the page's h1: the DSFR's default h3 would skip a level.
          as="h2"
          title="L'envoi des e-mails est suspendu"
          description={`Depuis le ${MOMENT.format(pausedSince)}, le service d'envoi refuse nos e-mails à cause d'un problème de configuration (clé d'accès, domaine ou quota). L'équipe technique est alertée. Aucun e-mail n'est perdu\u00a0: ils attendent et partiront d'eux-mêmes dès que ce sera réparé. Inutile de les renvoyer.`}
        />
      )}
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-lg-10">
          <p className="fr-text--lead">
            Les e-mails ci-dessous, qui concernent {member.organization.organizationName}, n&apos;ont pas pu être remis&nbsp;: ils ont
            échoué après plusieurs tentatives, ou le service d&apos;envoi d&apos;e-mails les a refusés.
          </p>
          <p>
            Vérifiez l&apos;adresse du destinataire et l&apos;erreur indiquée, puis cliquez sur «&nbsp;Renvoyer&nbsp;»&nbsp;: le même
            message repart à la même adresse. Seuls les administrateurs de l&apos;organisation voient cette page.
          </p>
        </div>
      </div>
      <FailedEmailsTable
        rows={emails.map((email) => ({
          id: email.id,
          to: email.to,
          subject: email.subject,
          kindLabel: kindLabel(email.template),
          createdAtIso: email.createdAt.toISOString(),
          createdAtLabel: MOMENT.format(email.createdAt),
          attempts: email.attempts,
          error: email.error ?? "—",
          explanation: email.error ? explainDeliveryError(email.error) : null,
          applicationId: email.applicationId,
          purged: Boolean(email.bodyPurgedAt),
        }))}
      />
    </>
  );
}
