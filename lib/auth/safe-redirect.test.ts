import { afterLoginPath, safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it.each([
    "//evil.example",
    "/\\evil.example",
    "/%5Cevil.example",
    "/%5cevil.example",
    "/%2F%2Fevil.example",
    "/%252F%252Fevil.example",
    "/%255Cevil.example",
    "/\tevil.example",
    "/%09/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/%0A/evil.example",
    "/\r\n/evil.example",
    "https:evil.example",
    "https://evil.example/espace",
    "http:/evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.example",
    " /espace",
    "\\\\evil.example",
    "/%E0%A4%A",
    "",
  ])("refuses %j", (value) => {
    expect(safeRedirectPath(value)).toBeNull();
  });

  it.each([
    ["/espace", "/espace"],
    ["/espace/reservations?enfant=abc", "/espace/reservations?enfant=abc"],
    ["/admin/familles#liste", "/admin/familles#liste"],
    ["/espace/../admin", "/admin"],
  ])("keeps our own path %j", (value, expected) => {
    expect(safeRedirectPath(value)).toBe(expected);
  });

  it("refuses what is not a string", () => {
    expect(safeRedirectPath(undefined)).toBeNull();
    expect(safeRedirectPath(["/espace"])).toBeNull();
  });
});

describe("afterLoginPath", () => {
  it("sends each role home when nothing (or something foreign) was asked for", () => {
    expect(afterLoginPath(undefined, "PARENT")).toBe("/espace");
    expect(afterLoginPath("/%5Cevil.example", "AGENT")).toBe("/admin");
  });

  it("keeps a page of the role's own area, and never sends a role to the other's", () => {
    expect(afterLoginPath("/espace/documents", "PARENT")).toBe("/espace/documents");
    expect(afterLoginPath("/admin/familles", "ADMIN")).toBe("/admin/familles");
    expect(afterLoginPath("/admin", "PARENT")).toBe("/espace");
    expect(afterLoginPath("/espace", "AGENT")).toBe("/admin");
    expect(afterLoginPath("/connexion", "PARENT")).toBe("/espace");
  });
});
