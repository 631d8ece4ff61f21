import { clientIp, trustedProxyCount } from "./client-ip";

describe("clientIp", () => {
  it("takes the entry appended by the nearest proxy (one proxy by default)", () => {
    expect(clientIp("203.0.113.9, 198.51.100.7", {})).toBe("198.51.100.7");
    expect(clientIp("203.0.113.9, 198.51.100.7, 10.0.0.2", { TRUSTED_PROXY_COUNT: "2" })).toBe("198.51.100.7");
  });

  it("uses the only address there is", () => {
    expect(clientIp("::1", {})).toBe("::1");
    expect(clientIp(["192.0.2.1"], {})).toBe("192.0.2.1");
  });

  it("does not read X-Forwarded-For at all when no proxy is trusted", () => {
    expect(clientIp("203.0.113.9", { TRUSTED_PROXY_COUNT: "0" })).toBeNull();
  });

  it("knows no address when the header is empty or holds something else than an address", () => {
    expect(clientIp(undefined, {})).toBeNull();
    expect(clientIp(" , ", {})).toBeNull();
    expect(clientIp("<script>", {})).toBeNull();
    expect(clientIp("1.2.3.4\u0000", {})).toBeNull();
  });

  it("reads TRUSTED_PROXY_COUNT as a whole number, 1 when missing or invalid", () => {
    expect(trustedProxyCount({})).toBe(1);
    expect(trustedProxyCount({ TRUSTED_PROXY_COUNT: "0" })).toBe(0);
    expect(trustedProxyCount({ TRUSTED_PROXY_COUNT: "3" })).toBe(3);
    expect(trustedProxyCount({ TRUSTED_PROXY_COUNT: "-2" })).toBe(1);
    expect(trustedProxyCount({ TRUSTED_PROXY_COUNT: "deux" })).toBe(1);
  });
});
