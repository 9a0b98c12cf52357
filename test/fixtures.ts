/**
 * Builders for integration tests: each call creates its own organisations, people and
 * applications with unique names, so tests never depend on each other or on the demo data.
 * The rows are defined in test/data-builders.ts (shared with the e2e builders); here they are
 * written through the app's client, on this Vitest worker's database.
 */
import { prisma } from "@/lib/db";
import { dataBuilders } from "@/test/data-builders";

export const { createOrganization, createMember, createCandidate, createApplication, createScenario, createJob } = dataBuilders(prisma);
