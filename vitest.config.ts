import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // lib modules import "server-only" to keep them out of client bundles; tests run on the server side.
      "server-only": fileURLToPath(new URL("./test/server-only.ts", import.meta.url)),
    },
  },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".data/**"],
    // One database per worker (test/global-setup.ts, test/worker-database.ts): files run in parallel.
    globalSetup: ["./test/global-setup.ts"],
    setupFiles: ["./test/worker-database.ts"],
    fileParallelism: true,
    maxWorkers: 2,
    // Two files share the cores now: the heaviest (demo seed, first decision of a file) need room.
    testTimeout: 60_000,
    // next-auth imports "next/server" without an extension, which Node's ESM loader refuses:
    // let Vite resolve it (tests drive next-auth's real handlers, test/auth-requests.ts).
    server: { deps: { inline: ["next-auth"] } },
    hookTimeout: 120_000,
  },
});
