import fs from "node:fs";
import path from "node:path";

// instrumentation-client.ts runs in every browser before the app: it must set zod's jitless
// mode without bringing zod into every page's JavaScript.
describe("instrumentation-client", () => {
  it("sets zod's jitless mode before zod loads, without importing zod", async () => {
    const source = fs.readFileSync(path.resolve(__dirname, "../../instrumentation-client.ts"), "utf8");
    expect(source).not.toMatch(/from\s+["']zod/);
    expect(source).not.toMatch(/import\(\s*["']zod/);
    await jest.isolateModulesAsync(async () => {
      await import("@/instrumentation-client");
      const { z } = await import("zod");
      expect(z.config().jitless).toBe(true);
    });
  });
});
