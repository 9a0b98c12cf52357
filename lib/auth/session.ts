import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryRowsDirect, sqlTimestamp, withPreparedStatements } from "@/lib/db";
import { env } from "@/lib/env";
import type { MembershipRole, OrganizationKind, OrganizationType } from "@/lib/generated/prisma/enums";
import type { MembershipSummary } from "@/lib/auth/current-organization";
import { SESSION_IDLE_SECONDS, SESSION_REFRESH_SECONDS, sessionCookieName } from "@/lib/auth/session-cookie";

export const SESSION_COOKIE = sessionCookieName(env.secureCookies);

export interface SignedInUser {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  /** Active memberships, by organisation name. */
  memberships: MembershipSummary[];
}

interface SessionRow {
  expires: Date;
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: MembershipRole | null;
  organizationId: string | null;
  organizationName: string | null;
  organizationKind: OrganizationKind | null;
  organizationType: OrganizationType | null;
}

/**
 * The user of a session token, with their active memberships, in one statement (issue 12: every
 * page and action starts here). It keeps next-auth's rules for database sessions (@auth/core's
 * session action, which `auth()` ran for every read, with a Request, the whole Auth pipeline
 * and a JSON round trip, then a second query for the memberships): an expired session is
 * deleted and reads as none; a session last pushed back more than SESSION_REFRESH_SECONDS ago
 * is pushed back to SESSION_IDLE_SECONDS from now. Always the primary: a session is read right
 * after it is written (sign-in, sign-out). Prepared: lookups by the token's unique key.
 */
export function readSessionUser(sessionToken: string | undefined, now = new Date()): Promise<SignedInUser | null> {
  return withPreparedStatements(() => readSession(sessionToken, now));
}

async function readSession(sessionToken: string | undefined, now: Date): Promise<SignedInUser | null> {
  if (!sessionToken) return null;
  const rows = await queryRowsDirect<SessionRow>(Prisma.sql`
    SELECT s.expires, u.id, u.email, u."firstName", u."lastName",
           m.role::text AS role, o.id AS "organizationId", o.name AS "organizationName",
           o.kind::text AS "organizationKind", o.type::text AS "organizationType"
    FROM "Session" s
    JOIN "User" u ON u.id = s."userId"
    LEFT JOIN "Membership" m ON m."userId" = u.id AND m."isActive"
    LEFT JOIN "Organization" o ON o.id = m."organizationId"
    WHERE s."sessionToken" = ${sessionToken}
    ORDER BY o.name, o.id`);
  const first = rows[0];
  if (!first) return null;
  if (first.expires.getTime() < now.getTime()) {
    await queryRowsDirect(Prisma.sql`DELETE FROM "Session" WHERE "sessionToken" = ${sessionToken}`);
    return null;
  }
  if (first.expires.getTime() - (SESSION_IDLE_SECONDS - SESSION_REFRESH_SECONDS) * 1000 <= now.getTime()) {
    const expires = new Date(now.getTime() + SESSION_IDLE_SECONDS * 1000);
    await queryRowsDirect(
      Prisma.sql`UPDATE "Session" SET expires = ${sqlTimestamp(expires)}, "updatedAt" = ${sqlTimestamp(now)} WHERE "sessionToken" = ${sessionToken}`,
    );
  }
  return {
    id: first.id,
    email: first.email,
    firstName: first.firstName,
    lastName: first.lastName,
    memberships: rows.flatMap((row) =>
      row.organizationId
        ? [
            {
              organizationId: row.organizationId,
              organizationName: row.organizationName!,
              organizationKind: row.organizationKind!,
              organizationType: row.organizationType!,
              role: row.role!,
            },
          ]
        : [],
    ),
  };
}
