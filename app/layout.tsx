import type { Metadata } from "next";
import type { ReactNode } from "react";
import { headers } from "next/headers";
import { DsfrHead, getHtmlAttributes } from "@/components/dsfr/head";
import { DsfrProvider, StartDsfrOnHydration } from "@/components/dsfr/provider";
import { SiteHeader } from "@/components/layout/site-header";
import { SiteFooter } from "@/components/layout/site-footer";
import { NONCE_HEADER } from "@/lib/security-headers";
import "./dsfr-header.css";
import "./dsfr-messages.css";
import "./dsfr-tables.css";
import "./dsfr-utilities.css";

export const metadata: Metadata = {
  title: { default: "Suivi des candidatures", template: "%s — Suivi des candidatures" },
  description: "Envoyer, étudier et suivre les candidatures de l'insertion par l'activité économique.",
};

const lang = "fr";

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The CSP nonce of this response (proxy.ts): DSFR's colour-scheme script runs only with it.
  // Reading it renders every page per request, as nonces require.
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    <html {...getHtmlAttributes({ lang })}>
      <head>
        <DsfrHead preloadFonts={["Marianne-Regular", "Marianne-Medium", "Marianne-Bold"]} nonce={nonce} />
      </head>
      <body>
        <DsfrProvider lang={lang} doCheckNonce={nonce !== undefined}>
          <StartDsfrOnHydration />
          <div className="fr-skiplinks">
            <nav className="fr-container" role="navigation" aria-label="Accès rapide">
              <ul className="fr-skiplinks__list">
                <li>
                  <a className="fr-link" href="#contenu">
                    Contenu
                  </a>
                </li>
                <li>
                  <a className="fr-link" href="#pied-de-page">
                    Pied de page
                  </a>
                </li>
              </ul>
            </nav>
          </div>
          <SiteHeader />
          <main id="contenu" tabIndex={-1} className="fr-container fr-py-5w">
            {children}
          </main>
          <SiteFooter />
        </DsfrProvider>
      </body>
    </html>
  );
}
