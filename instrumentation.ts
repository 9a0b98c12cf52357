// Next calls register() once per server process: the server then sweeps the outbox itself
// (retries, emails left by a restart), alongside any `npm run worker`.
export async function register() {
  // Written as Next documents it, so that the edge bundle drops the Node-only import.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Not while `next build` prerenders pages, and nothing to do without a Resend key.
    if (process.env.NEXT_PHASE === "phase-production-build" || !process.env.RESEND_API_KEY) return;
    const { startBackgroundOutboxSweeper } = await import("./lib/mail/sweeper");
    startBackgroundOutboxSweeper();
  }
}
