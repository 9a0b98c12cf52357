// Vitest setup file: runs in each worker before a test file's imports, so lib/db's Prisma
// client (created on first use, from lib/env.ts) connects to this worker's own database.
import { workerDatabaseUrl } from "./databases";

process.env.DATABASE_URL = await workerDatabaseUrl();
