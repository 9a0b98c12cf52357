import { expect, it } from "vitest";
import { loopbackOrigin } from "./url";

it("development follows the browser's Host only when it names this machine", () => {
  expect(loopbackOrigin("127.0.0.1:3000")).toBe("http://127.0.0.1:3000");
  expect(loopbackOrigin("LOCALHOST:3001")).toBe("http://localhost:3001");
  expect(loopbackOrigin("[::1]:3000")).toBe("http://[::1]:3000");
  for (const host of ["evil.test", "localhost.evil.test", "127.0.0.1@evil.test", "localhost:3000/evil", null])
    expect(loopbackOrigin(host), String(host)).toBeNull();
});
