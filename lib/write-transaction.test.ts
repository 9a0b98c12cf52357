/** Write transactions survive a deadlock (issue 12): PostgreSQL aborts one of two crossing writers, which runs again. */
import { randomUUID } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { writeTransaction } from "@/lib/db";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("writeTransaction", () => {
  it("runs again the writer PostgreSQL aborted to break a deadlock: both writes succeed", async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    let attempts = 0;
    let holding = 0;
    let release!: () => void;
    const bothHoldTheirFirstLock = new Promise<void>((resolve) => (release = resolve));
    // Two writers taking the same two locks in opposite orders, as two accepts whose cascades reach
    // each other's employer take the shared counters.
    const writer = (first: string, second: string) =>
      writeTransaction(async (tx) => {
        attempts += 1;
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${first}, 0))`;
        if (++holding === 2) release();
        // The embedded PGlite runs one transaction at a time: there the first writer stops waiting.
        await Promise.race([bothHoldTheirFirstLock, sleep(3000)]);
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${second}, 0))`;
        return first;
      });

    expect(await Promise.all([writer(a, b), writer(b, a)])).toEqual([a, b]);
    // On PostgreSQL the two did cross: one was aborted once and ran again.
    if (inject("testDatabases").kind === "server") expect(attempts).toBe(3);
  });
});
