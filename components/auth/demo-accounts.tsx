import { DEMO_USERS, DEMO_ORGANIZATIONS } from "@/prisma/demo";
import { ROUTES } from "@/lib/routes";

/** The demo accounts, shown on the sign-in page outside production (DESIGN §8). */
export function DemoAccounts() {
  return (
    <section className="fr-callout fr-mt-4w" aria-labelledby="demo-accounts-title">
      <h2 id="demo-accounts-title" className="fr-callout__title fr-h6">
        Comptes de démonstration
      </h2>
      <p className="fr-callout__text fr-text--sm">
        Saisissez l&apos;une de ces adresses&nbsp;; le lien de connexion s&apos;affiche dans la{" "}
        <a href={ROUTES.devMails}>boîte de réception de développement</a>.
      </p>
      <ul className="fr-text--sm fr-mb-0">
        {Object.values(DEMO_USERS).map((user) => (
          <li key={user.email}>
            <code>{user.email}</code> — {DEMO_ORGANIZATIONS[user.org].kind === "PRESCRIBER" ? "prescripteur" : "employeur"},{" "}
            {DEMO_ORGANIZATIONS[user.org].name}
          </li>
        ))}
      </ul>
    </section>
  );
}
