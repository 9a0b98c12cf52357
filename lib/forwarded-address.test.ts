import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, resolveClientAddress, setClientAddressHeader } from "./forwarded-address";
import { isLoopbackAddress, mayOpenDevMailbox } from "./origin";

describe("the client's address", () => {
  it("is the socket's peer by default, whatever proxy headers the client sends", () => {
    expect(resolveClientAddress("::ffff:203.0.113.9", { "x-forwarded-for": "127.0.0.1" })).toBe("203.0.113.9");
    expect(resolveClientAddress("2001:db8::1", { "x-real-ip": "127.0.0.1" })).toBe("2001:db8::1");
  });

  it("is the right-most entry of the TRUSTED_PROXY header: the one the proxy wrote", () => {
    expect(resolveClientAddress("10.0.0.2", { "x-forwarded-for": "127.0.0.1, 198.51.100.7" }, "x-forwarded-for")).toBe("198.51.100.7");
    expect(resolveClientAddress("10.0.0.2", { "x-forwarded-for": ["127.0.0.1", "198.51.100.7"] }, "x-forwarded-for")).toBe("198.51.100.7");
    expect(resolveClientAddress("10.0.0.2", { "x-real-ip": "2001:db8::7" }, "x-real-ip")).toBe("2001:db8::7");
  });

  it("falls back to the socket's peer when that header is missing or is not an address", () => {
    expect(resolveClientAddress("10.0.0.2", {}, "x-forwarded-for")).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", { "x-forwarded-for": "1.2.3.4, unknown" }, "x-forwarded-for")).toBe("10.0.0.2");
  });

  it("replaces any value the client sent in the app's own header", () => {
    const headers: Record<string, string | string[] | undefined> = { [CLIENT_ADDRESS_HEADER]: "127.0.0.1" };
    setClientAddressHeader(headers, "203.0.113.9");
    expect(headers[CLIENT_ADDRESS_HEADER]).toBe("203.0.113.9");
    setClientAddressHeader(headers, undefined);
    expect(headers[CLIENT_ADDRESS_HEADER]).toBeUndefined();
  });
});

describe("the dev mailbox of a production build", () => {
  const productionBuild = { devMailboxEnabled: true, devMailboxLoopbackOnly: true };

  it("answers loopback clients only, and nobody when the address is unknown", () => {
    for (const address of ["127.0.0.1", "::1", "::ffff:127.0.0.1", "127.3.4.5"])
      expect(mayOpenDevMailbox(productionBuild, address), address).toBe(true);
    for (const address of ["203.0.113.9", "10.0.0.1", "::ffff:10.0.0.1", "2001:db8::1", null])
      expect(mayOpenDevMailbox(productionBuild, address), String(address)).toBe(false);
  });

  it("is open to all in development and closed to all when disabled", () => {
    expect(mayOpenDevMailbox({ devMailboxEnabled: true, devMailboxLoopbackOnly: false }, null)).toBe(true);
    expect(mayOpenDevMailbox({ devMailboxEnabled: false, devMailboxLoopbackOnly: true }, "127.0.0.1")).toBe(false);
  });

  it("knows loopback addresses", () => {
    expect(isLoopbackAddress("0:0:0:0:0:0:0:1")).toBe(true);
    expect(isLoopbackAddress("128.0.0.1")).toBe(false);
  });
});
