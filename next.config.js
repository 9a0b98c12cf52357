/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite and the pg driver are plain Node packages: load them from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg", "@prisma/adapter-pg"],
  // DSFR's assets (icons, Marianne fonts) are imported from the package and must be transpiled.
  transpilePackages: ["@codegouvfr/react-dsfr"],
  poweredByHeader: false,
};

export default nextConfig;
