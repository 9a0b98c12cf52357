"use client";
import { useState, useTransition } from "react";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { setSpontaneousOpenAction } from "@/lib/job-descriptions/actions";

/** "Candidatures spontanées : ouvertes / fermées", for the whole structure. */
export function SpontaneousSwitch({ open }: { open: boolean }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  // Heard by screen readers: the heading changes, but a heading's change is not announced.
  const [announcement, setAnnouncement] = useState("");

  function toggle() {
    if (pending) return;
    setError(null);
    setAnnouncement("");
    startTransition(async () => {
      const result = await setSpontaneousOpenAction({ open: !open }).catch(() => null);
      // On success the action's answer carries the page as it now is (no router.refresh(): issue 12).
      if (result?.ok) setAnnouncement(open ? "Les candidatures spontanées sont fermées." : "Les candidatures spontanées sont ouvertes.");
      else setError(result?.error ?? "Une erreur inattendue est survenue. Réessayez dans un instant.");
    });
  }

  return (
    <section className="fr-callout fr-mb-4w" aria-labelledby="spontaneous-title">
      <h2 id="spontaneous-title" className="fr-callout__title fr-h5">
        Candidatures spontanées&nbsp;: {open ? "ouvertes" : "fermées"}
      </h2>
      <p className="fr-callout__text fr-text--md">
        {open
          ? "Les prescripteurs peuvent vous envoyer une candidature sans viser un poste précis."
          : "Les prescripteurs ne peuvent postuler qu'à vos postes ouverts."}
      </p>
      <p role="status" className="fr-sr-only">
        {announcement}
      </p>
      {error && <Alert severity="error" small description={error} className="fr-mb-2w" />}
      {/* aria-disabled, not disabled: a disabled button drops the keyboard focus to the page's top. */}
      <button type="button" className="fr-btn fr-btn--secondary" aria-disabled={pending} onClick={toggle}>
        {open ? "Fermer les candidatures spontanées" : "Ouvrir les candidatures spontanées"}
      </button>
    </section>
  );
}
