import type { Metadata } from "next";
import { CandidateApplication } from "@/components/candidate/candidate-applications";
import { getCandidateStatus } from "@/lib/candidate-status";
import { SUPPORT_EMAIL } from "@/lib/help";
import { CANDIDATE_LINK_VALIDITY } from "@/lib/status";

// A personal page reached from an email: never indexed, and the token never leaks in a Referer.
export const metadata: Metadata = {
  title: "Suivi de mes candidatures",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};
export const dynamic = "force-dynamic";

const CANDIDATE_CONTACT = `mailto:${SUPPORT_EMAIL}?subject=${encodeURIComponent("Suivi de mes candidatures")}`;

function GettingHelp() {
  return (
    <>
      <h2 className="fr-h4">Une question&nbsp;?</h2>
      <p>
        La personne qui vous accompagne dans votre recherche d&apos;emploi (conseiller France Travail, Mission locale, Cap emploi…) a envoyé
        ces candidatures pour vous&nbsp;: c&apos;est elle qui peut le mieux vous renseigner. Vous pouvez aussi écrire à l&apos;équipe du
        service &nbsp;: <a href={CANDIDATE_CONTACT}>{SUPPORT_EMAIL}</a>.
      </p>
    </>
  );
}

export default async function CandidateStatusPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const status = await getCandidateStatus(token);

  if (!status) {
    return (
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
          <h1>Ce lien de suivi n&apos;est plus valable</h1>
          <p className="fr-text--lead">
            Nous sommes désolés&nbsp;: ce lien est inconnu ou a expiré. Les liens de suivi des candidatures restent valables{" "}
            {CANDIDATE_LINK_VALIDITY.label}.
          </p>
          <p>
            Chaque e-mail que vous recevez au sujet d&apos;une candidature contient un lien à jour&nbsp;: utilisez le plus récent. Si vous
            n&apos;en avez pas, la personne qui vous accompagne peut vous dire où en sont vos candidatures.
          </p>
          <GettingHelp />
        </div>
      </div>
    );
  }

  const count = status.applications.length;
  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
        <h1>Suivi de mes candidatures</h1>
        <p className="fr-text--lead">
          Bonjour {status.firstName} {status.lastName}, voici où en {count > 1 ? "sont vos candidatures" : "est votre candidature"}.
        </p>
        <p className="fr-text--sm">
          Ce lien vous est personnel&nbsp;: ne le transmettez pas. Il reste valable {CANDIDATE_LINK_VALIDITY.label} après l&apos;envoi de
          l&apos;e-mail.
        </p>
        {count === 0 && <p>Aucune candidature pour l&apos;instant.</p>}
        {status.applications.map((application) => (
          <CandidateApplication key={application.id} application={application} />
        ))}
        <GettingHelp />
      </div>
    </div>
  );
}
