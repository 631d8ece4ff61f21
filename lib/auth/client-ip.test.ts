import { clientIp } from "./client-ip";

describe("clientIp", () => {
  it("takes the entry appended by the nearest proxy", () => {
    expect(clientIp("203.0.113.9, 198.51.100.7", {})).toBe("198.51.100.7");
    expect(clientIp("203.0.113.9, 198.51.100.7, 10.0.0.2", { TRUSTED_PROXY_COUNT: "2" })).toBe("198.51.100.7");
  });

  it("uses the only address there is", () => {
    expect(clientIp("::1", {})).toBe("::1");
    expect(clientIp(["192.0.2.1"], {})).toBe("192.0.2.1");
  });

  it("falls back to a shared bucket when no address is known", () => {
    expect(clientIp(undefined, {})).toBe("unknown");
    expect(clientIp(" , ", {})).toBe("unknown");
  });
});
