/** The app's client at the e2e OpenID provider (e2e/oidc-provider.ts), as PROCONNECT_* give it to the app. */
export const OIDC_CLIENT = { id: "suivi-e2e", secret: "e2e-proconnect-client-secret" };

/** The stand-in's port: beside the app's (E2E_PORT + 1). */
export const oidcPort = (appPort: number) => appPort + 1;
