"use server";
// Thin server actions of "Fiches de poste": parse with the form's schema, require an employer
// member, call lib/job-descriptions/jobs.ts (which checks through lib/access.ts), refresh, answer.
import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { requireMember } from "@/lib/auth/guards";
import { invalidInput, type ActionResult } from "@/lib/action-result";
import { ROUTES, jobPath } from "@/lib/routes";
import { createJob, setJobOpen, setSpontaneousOpen, updateJob } from "@/lib/job-descriptions/jobs";
import {
  jobDescriptionSchema,
  setJobOpenSchema,
  setSpontaneousOpenSchema,
  updateJobSchema,
  type JobDescriptionField,
} from "@/lib/job-descriptions/validation";

const UNEXPECTED = "Une erreur inattendue est survenue, rien n'a été enregistré. Réessayez dans un instant.";

function refresh(jobId?: string) {
  revalidatePath(ROUTES.employerJobs);
  if (jobId) revalidatePath(jobPath(jobId));
}

export async function createJobAction(input: unknown): Promise<ActionResult<{ jobId: string }, JobDescriptionField>> {
  const parsed = jobDescriptionSchema.safeParse(input);
  if (!parsed.success) return invalidInput<JobDescriptionField>(parsed.error);
  const member = await requireMember("EMPLOYER");
  let result;
  try {
    result = await createJob(member, parsed.data);
  } catch (error) {
    console.error("createJobAction failed", error);
    return { ok: false, error: UNEXPECTED };
  }
  if ("error" in result) notFound();
  refresh(result.jobId);
  return { ok: true, jobId: result.jobId };
}

export async function updateJobAction(input: unknown): Promise<ActionResult<{ jobId: string; changed: boolean }, JobDescriptionField>> {
  const parsed = updateJobSchema.safeParse(input);
  if (!parsed.success) return invalidInput<JobDescriptionField>(parsed.error);
  const member = await requireMember("EMPLOYER");
  let result;
  try {
    result = await updateJob(member, parsed.data);
  } catch (error) {
    console.error("updateJobAction failed", error);
    return { ok: false, error: UNEXPECTED };
  }
  if ("error" in result) notFound();
  refresh(result.jobId);
  return { ok: true, jobId: result.jobId, changed: result.changed };
}

export async function setJobOpenAction(input: unknown): Promise<ActionResult> {
  const parsed = setJobOpenSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const member = await requireMember("EMPLOYER");
  let result;
  try {
    result = await setJobOpen(member, parsed.data);
  } catch (error) {
    console.error("setJobOpenAction failed", error);
    return { ok: false, error: UNEXPECTED };
  }
  if ("error" in result) notFound();
  refresh(result.jobId);
  return { ok: true };
}

export async function setSpontaneousOpenAction(input: unknown): Promise<ActionResult> {
  const parsed = setSpontaneousOpenSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const member = await requireMember("EMPLOYER");
  let result;
  try {
    result = await setSpontaneousOpen(member, parsed.data);
  } catch (error) {
    console.error("setSpontaneousOpenAction failed", error);
    return { ok: false, error: UNEXPECTED };
  }
  if ("error" in result) notFound();
  refresh();
  return { ok: true };
}
