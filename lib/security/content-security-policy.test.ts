import {
  newNonce,
  pageContentSecurityPolicy,
  storedFileContentSecurityPolicy,
  uploadThingConnectSources,
} from "./content-security-policy";

const directive = (policy: string, name: string) => policy.split("; ").find((part) => part.split(" ")[0] === name);

describe("the pages' Content-Security-Policy", () => {
  it("allows scripts by nonce only in production: no unsafe-inline, no unsafe-eval, and upgrades insecure requests", () => {
    const policy = pageContentSecurityPolicy({ nonce: "abc123==", development: false });
    expect(directive(policy, "script-src")).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(directive(policy, "object-src")).toBe("object-src 'none'");
    expect(directive(policy, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(policy, "connect-src")).toBe("connect-src 'self'");
    expect(directive(policy, "upgrade-insecure-requests")).toBeDefined();
  });

  it("adds unsafe-eval in development (React's error stacks) and does not upgrade to HTTPS there", () => {
    const policy = pageContentSecurityPolicy({ nonce: "n", development: true });
    expect(directive(policy, "script-src")).toBe("script-src 'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval'");
    expect(directive(policy, "upgrade-insecure-requests")).toBeUndefined();
  });

  it("draws a different nonce every time", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    expect(newNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("the UploadThing hosts the browser may reach", () => {
  const token = (payload: object) => Buffer.from(JSON.stringify(payload)).toString("base64");

  it("is nothing when files stay on the local disk", () => {
    expect(uploadThingConnectSources({})).toEqual([]);
    expect(uploadThingConnectSources({ UPLOADTHING_INGEST_URL: "http://127.0.0.1:9999" })).toEqual([]);
  });

  it("is the ingest server: the token's host (UploadThing's by default), or UPLOADTHING_INGEST_URL", () => {
    expect(uploadThingConnectSources({ UPLOADTHING_TOKEN: token({ apiKey: "k", appId: "a", regions: ["sea1"] }) })).toEqual([
      "https://*.ingest.uploadthing.com",
    ]);
    expect(
      uploadThingConnectSources({
        UPLOADTHING_TOKEN: token({ apiKey: "k", appId: "a", regions: ["sea1"], ingestHost: "ingest.example.eu" }),
      }),
    ).toEqual(["https://*.ingest.example.eu"]);
    expect(uploadThingConnectSources({ UPLOADTHING_TOKEN: "x", UPLOADTHING_INGEST_URL: "http://127.0.0.1:4455/ingest" })).toEqual(
      ["http://127.0.0.1:4455"],
    );
  });

  it("never copies a strange host from the token into the policy", () => {
    expect(uploadThingConnectSources({ UPLOADTHING_TOKEN: token({ ingestHost: "evil.com; script-src *" }) })).toEqual([
      "https://*.ingest.uploadthing.com",
    ]);
  });
});

describe("the policy of a stored file", () => {
  it("sandboxes it, loads nothing else, and says who may frame it", () => {
    const policy = storedFileContentSecurityPolicy("'self'");
    expect(policy.split("; ")[0]).toBe("sandbox");
    expect(directive(policy, "default-src")).toBe("default-src 'none'");
    expect(directive(policy, "frame-ancestors")).toBe("frame-ancestors 'self'");
    expect(directive(storedFileContentSecurityPolicy("'none'"), "frame-ancestors")).toBe("frame-ancestors 'none'");
  });
});
