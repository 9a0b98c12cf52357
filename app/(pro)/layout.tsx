import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/guards";

// The professional area: every page below needs a signed-in user (pages that need a current
// organisation call requireMember() themselves, which also checks it on the server).
export default async function ProLayout({ children }: { children: ReactNode }) {
  await requireUser();
  return children;
}
