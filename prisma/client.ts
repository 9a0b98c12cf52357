/** Builds a Prisma client on the `pg` driver adapter; shared by the app (lib/db.ts), the seed and tests. */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";

export function createPrismaClient(databaseUrl: string, options: { embedded?: boolean } = {}): PrismaClient {
  // The embedded PGlite serialises every query anyway: a few connections are enough.
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.embedded ? 4 : 10 });
  return new PrismaClient({ adapter });
}

export type { PrismaClient };
