/**
 * Builders for integration tests: each call creates its own organisations, people and
 * applications with unique names, so tests never depend on each other or on the demo data.
 * The rows are defined in test/data-builders.ts (shared with the e2e builders); here they are
 * written through the app's client, on this Vitest worker's database.
 */
import { prisma } from "@/lib/db";
import { dataBuilders } from "@/test/data-builders";
import type { AccessScope } from "@/lib/access";
import { readFilterChoices } from "@/lib/applications/filter-choices";
import type { FilterChoice, FilterChoiceName } from "@/lib/applications/filter-choice-validation";

export const { createOrganization, createMember, createCandidate, createApplication, createScenario, createJob, createSession } =
  dataBuilders(prisma);

/** Every choice a list filter offers the organisation, when it is a select (at most FILTER_SELECT_MAX_CHOICES). */
export async function filterOptions(scope: AccessScope, filter: FilterChoiceName): Promise<FilterChoice[]> {
  const choices = await readFilterChoices(scope, filter);
  if (choices.mode !== "select") throw new Error(`${filter}: more choices than a select offers`);
  return choices.options;
}
