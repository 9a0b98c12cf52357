/** The demo organisations and accounts of DESIGN §8 (seeded by prisma/seed.ts, listed on the sign-in page). */
export const DEMO_ORGANIZATIONS = {
  FT: {
    id: "demo-org-ft",
    kind: "PRESCRIBER",
    type: "FT",
    name: "France Travail Paris 18e",
    siret: "13000548100010",
    address: "12 rue Championnet",
    postalCode: "75018",
    city: "Paris",
    department: "75",
    contactEmail: "paris18@demo.test",
    contactPhone: "01 40 00 00 18",
  },
  ML: {
    id: "demo-org-ml",
    kind: "PRESCRIBER",
    type: "ML",
    name: "Mission locale de Lille",
    siret: "30000000100017",
    address: "3 rue Nationale",
    postalCode: "59000",
    city: "Lille",
    department: "59",
    contactEmail: "contact@ml-lille.demo.test",
    contactPhone: "03 20 00 00 59",
  },
  EI: {
    id: "demo-org-ei",
    kind: "EMPLOYER",
    type: "EI",
    name: "La Recyclerie du Nord",
    siret: "40000000200021",
    address: "8 quai du Wault",
    postalCode: "59100",
    city: "Roubaix",
    department: "59",
    contactEmail: "contact@recyclerie.demo.test",
    contactPhone: "03 20 11 22 33",
  },
  ACI: {
    id: "demo-org-aci",
    kind: "EMPLOYER",
    type: "ACI",
    name: "Les Jardins Solidaires",
    siret: "50000000300027",
    address: "1 chemin des Maraîchers",
    postalCode: "59650",
    city: "Villeneuve-d'Ascq",
    department: "59",
    contactEmail: "contact@jardins.demo.test",
    contactPhone: "03 20 44 55 66",
  },
} as const;

export type OrgKey = keyof typeof DEMO_ORGANIZATIONS;

export const DEMO_USERS = {
  P1: { email: "prescripteur@demo.test", firstName: "Camille", lastName: "Martin", org: "FT", role: "MEMBER" },
  P2: { email: "prescripteur.collegue@demo.test", firstName: "Julien", lastName: "Bernard", org: "FT", role: "MEMBER" },
  ML: { email: "mission-locale@demo.test", firstName: "Sophie", lastName: "Petit", org: "ML", role: "ADMIN" },
  E1: { email: "employeur@demo.test", firstName: "Nadia", lastName: "Lefèvre", org: "EI", role: "ADMIN" },
  E2: { email: "employeur.collegue@demo.test", firstName: "Thomas", lastName: "Moreau", org: "EI", role: "MEMBER" },
  A1: { email: "aci@demo.test", firstName: "Karim", lastName: "Benali", org: "ACI", role: "ADMIN" },
} as const satisfies Record<string, { email: string; firstName: string; lastName: string; org: OrgKey; role: "ADMIN" | "MEMBER" }>;

export type UserKey = keyof typeof DEMO_USERS;

/**
 * "Commentaires internes" of the demo (issue 10 item 6): the EI team talking about two of its
 * applications. [application index in DEMO_APPLICATIONS, author, hours after the application, text]
 */
export const DEMO_NOTES: [number, UserKey, number, string][] = [
  [5, "E1", 22, "Entretien téléphonique prévu jeudi à 10 h. Permis B confirmé par le prescripteur."],
  [5, "E2", 26, "Je l'ai eu au téléphone\u00a0: disponible dès lundi, intéressé par le poste au tri."],
  [8, "E2", 40, "À rappeler en priorité si un poste se libère à l'atelier en mars."],
];

/**
 * "Fiches de poste" of the demo (issue 13): 2–3 per employer, one of them closed; the admin created
 * them and closed the closed one (the history shows it).
 */
export const DEMO_JOBS = [
  {
    id: "demo-job-ei-1",
    org: "EI",
    title: "Agent de tri et de valorisation",
    contractType: "CDDI",
    city: "Roubaix",
    weeklyHours: 26,
    positions: 3,
    isOpen: true,
  },
  {
    id: "demo-job-ei-2",
    org: "EI",
    title: "Chauffeur-livreur",
    contractType: "CDDI",
    city: "Roubaix",
    weeklyHours: 30,
    positions: 1,
    isOpen: true,
  },
  {
    id: "demo-job-ei-3",
    org: "EI",
    title: "Vendeur en boutique solidaire",
    contractType: "CDD",
    city: "Tourcoing",
    weeklyHours: 24,
    positions: 2,
    isOpen: false,
  },
  {
    id: "demo-job-aci-1",
    org: "ACI",
    title: "Ouvrier maraîcher",
    contractType: "CDDI",
    city: "Villeneuve-d'Ascq",
    weeklyHours: 26,
    positions: 4,
    isOpen: true,
  },
  {
    id: "demo-job-aci-2",
    org: "ACI",
    title: "Agent d'entretien des espaces verts",
    contractType: "CDI_INCLUSION",
    city: "Lille",
    weeklyHours: 35,
    positions: 1,
    isOpen: false,
  },
] as const satisfies readonly {
  id: string;
  org: OrgKey;
  title: string;
  contractType: "CDDI" | "CDI_INCLUSION" | "CDD" | "INTERIM_INSERTION" | "APPRENTICESHIP" | "PROFESSIONALIZATION";
  city: string;
  weeklyHours: number;
  positions: number;
  isOpen: boolean;
}[];
