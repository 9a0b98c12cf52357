/**
 * The embedded PGlite serves every connection through one PostgreSQL session: each query of a
 * connection must still run whole, never mixed with another connection's (prisma/embedded.ts).
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../embedded";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the embedded database", () => {
  let db: EmbeddedPostgres;
  let holder: pg.Client;
  let pool: pg.Pool;
  beforeAll(async () => {
    db = await startEmbeddedPostgres();
    holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    pool = new pg.Pool({ connectionString: db.url, max: 4 });
  });
  afterAll(async () => {
    await holder?.end();
    await pool?.end();
    await db?.stop();
  });

  it("gives each connection waiting behind a transaction its own rows and errors once the transaction ends", async () => {
    for (let round = 0; round < 5; round++) {
      await holder.query("BEGIN");
      await holder.query("SELECT $1::int AS held", [round]);
      // Four connections queue behind the open transaction, each with a statement of its own.
      const waiting = Array.from({ length: 4 }, (_, i) =>
        i === 0
          ? pool.query("SELECT 1 / ($1::int - $1::int) AS never", [round])
          : pool.query(`SELECT $1::int AS n${i}, $2::text AS label${i}`, [round, `connection ${i}`]),
      );
      const settled = Promise.allSettled(waiting);
      await sleep(20);
      expect((await holder.query("SELECT $1::text AS still_mine", ["holder"])).rows).toEqual([{ still_mine: "holder" }]);
      await holder.query("COMMIT");

      const [failed, ...answered] = await settled;
      expect(failed).toMatchObject({ status: "rejected", reason: { code: "22012" } });
      answered.forEach((answer, index) => {
        const i = index + 1;
        expect(answer.status === "fulfilled" && answer.value.rows).toEqual([{ [`n${i}`]: round, [`label${i}`]: `connection ${i}` }]);
      });
    }
  });
});
