// Next calls register() once per server process (lib/background.ts says what then runs).
export async function register() {
  // Written as Next documents it (it inlines NEXT_RUNTIME at build time), so that the edge bundle
  // drops the Node-only imports: the one environment read outside lib/env.ts.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startBackgroundWork } = await import("./lib/background");
    startBackgroundWork();
  }
}
