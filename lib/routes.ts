// Every path of the app, in one place: links, redirects and revalidatePath() all read them here,
// so a moved page is one edit and a typo is a compile error. Pure and client-safe.

export const ROUTES = {
  home: "/",
  signIn: "/connexion",
  signInSent: "/connexion/verification",
  signInError: "/connexion/erreur",
  dashboard: "/dashboard",
  help: "/help",
  // The pages every public French service links from its footer.
  legalNotice: "/mentions-legales",
  privacy: "/donnees-personnelles",
  accessibility: "/accessibilite",
  organisation: "/organisation",
  members: "/organisation/membres",
  notifications: "/settings/notifications",
  failedEmails: "/settings/emails",
  prescriberApplications: "/prescriber/applications",
  newApplication: "/prescriber/applications/new",
  employerApplications: "/employer/applications",
  employerJobs: "/employer/jobs",
  newJob: "/employer/jobs/new",
  stats: "/stats",
  devMails: "/dev/mails",
  candidateStatusPrefix: "/c/",
} as const;

export const applicationPath = (id: string) => `/applications/${id}`;
export const confirmationPath = (applicationId: string) => `${ROUTES.prescriberApplications}/${applicationId}/confirmation`;
export const candidatePath = (candidateId: string) => `/prescriber/candidates/${candidateId}`;
/** "Envoyer une candidature", with the candidate already chosen when given. */
export const newApplicationPath = (candidateId?: string) =>
  candidateId ? `${ROUTES.newApplication}?candidate=${encodeURIComponent(candidateId)}` : ROUTES.newApplication;
/** The list of the organisation's side: what it sent, or what it received. */
export const applicationListPath = (prescriber: boolean) => (prescriber ? ROUTES.prescriberApplications : ROUTES.employerApplications);
/** A "fiche de poste" of the employer, to edit. */
export const jobPath = (jobId: string) => `/employer/jobs/${jobId}`;
/** "Envoyer à un autre employeur": the send form prefilled from a declined application. */
export const resendApplicationPath = (applicationId: string) => `/prescriber/applications/new?resend=${encodeURIComponent(applicationId)}`;
