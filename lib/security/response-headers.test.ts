import { CAMERA_PAGE, securityHeaderRules } from "./response-headers";

const headersFor = (production: boolean, source: string) =>
  Object.fromEntries(
    securityHeaderRules({ production })
      .filter((rule) => rule.source === source)
      .flatMap((rule) => rule.headers.map((h) => [h.key, h.value])),
  );

describe("the security headers of every response", () => {
  it("asks for HTTPS (HSTS, a year, subdomains) in production only", () => {
    expect(headersFor(true, "/:path*")["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(headersFor(false, "/:path*")["Strict-Transport-Security"]).toBeUndefined();
  });

  it("denies the camera everywhere but on the upload page, after the general rule so that it wins", () => {
    const rules = securityHeaderRules({ production: true });
    expect(headersFor(true, "/:path*")["Permissions-Policy"]).toMatch(/^camera=\(\),/);
    expect(headersFor(true, CAMERA_PAGE)["Permissions-Policy"]).toMatch(/^camera=\(self\),/);
    expect(rules.findIndex((rule) => rule.source === CAMERA_PAGE)).toBeGreaterThan(
      rules.findIndex((rule) => rule.source === "/:path*"),
    );
  });

  it("keeps the referrer to the portal's origin", () => {
    expect(headersFor(false, "/:path*")["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
  });
});
