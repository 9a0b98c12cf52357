// Stand-in for the "server-only" guard under Vitest (see vitest.config.ts).
export {};
