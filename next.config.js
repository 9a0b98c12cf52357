/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite, the pg driver and exceljs (streamed XLSX exports) are plain Node packages: load them from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg", "@prisma/adapter-pg", "exceljs"],
  // DSFR's assets (icons, Marianne fonts) are imported from the package and must be transpiled.
  transpilePackages: ["@codegouvfr/react-dsfr"],
  poweredByHeader: false,
  // Next gzips pages itself unless a reverse proxy does (HTTP_COMPRESSION=off, lib/env-schema.ts).
  compress: process.env.HTTP_COMPRESSION !== "off",
  // `npm run dev` answers on localhost and 127.0.0.1 alike (Next blocks other dev origins).
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  // The candidate's status page is personal (token in the URL): never indexed. Its Referrer-Policy
  // and every other security header are set by proxy.ts.
  async headers() {
    return [{ source: "/c/:token", headers: [{ key: "X-Robots-Tag", value: "noindex, nofollow" }] }];
  },
  // Lets end-to-end runs build beside a running dev server (see scripts/e2e.ts).
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default nextConfig;
