import crypto from "node:crypto";

import { SERVICE_UNAVAILABLE_MESSAGE } from "@/lib/errors";

import { RETRY_AFTER_SECONDS, serviceUnavailableResponse } from "./service-unavailable";

describe("serviceUnavailableResponse", () => {
  it("answers a page with 503 and a French HTML page that says to try again, never cached", async () => {
    const response = serviceUnavailableResponse("/espace/reservations");
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
    expect(response.headers.get("cache-control")).toBe("no-store");
    const html = await response.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("<h1>Service momentanément indisponible</h1>");
    expect(html).toContain(SERVICE_UNAVAILABLE_MESSAGE);
    expect(SERVICE_UNAVAILABLE_MESSAGE).toBe("Service momentanément indisponible, réessayez dans quelques minutes.");
  });

  it("allows its own style and nothing else: the CSP names the style's hash", async () => {
    const response = serviceUnavailableResponse("/");
    const style = /<style>([\s\S]*?)<\/style>/.exec(await response.text())![1];
    const hash = crypto.createHash("sha256").update(style).digest("base64");
    const policy = response.headers.get("content-security-policy")!;
    expect(policy).toContain(`style-src 'sha256-${hash}'`);
    expect(policy).toMatch(/^default-src 'none';/);
  });

  it("answers a route handler under /api in JSON, as the portal's JSON routes answer an error", async () => {
    const response = serviceUnavailableResponse("/api/documents");
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
    expect(await response.json()).toEqual({ ok: false, error: SERVICE_UNAVAILABLE_MESSAGE });
  });
});
