// Next calls register() once per server process: the server then runs the daily jobs (lib/jobs,
// claimed once across processes) and, with a Resend key, sweeps the outbox itself (retries,
// emails left by a restart), alongside any `npm run worker`.
export async function register() {
  // Written as Next documents it, so that the edge bundle drops the Node-only imports.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Not while `next build` prerenders pages.
    if (process.env.NEXT_PHASE === "phase-production-build") return;
    const { startBackgroundJobScheduler } = await import("./lib/jobs/scheduler");
    startBackgroundJobScheduler();
    if (!process.env.RESEND_API_KEY) return;
    const { startBackgroundOutboxSweeper } = await import("./lib/mail/sweeper");
    startBackgroundOutboxSweeper();
  }
}
