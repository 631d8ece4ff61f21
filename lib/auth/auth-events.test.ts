import { AUDIT_ACTION_LABELS } from "@/lib/audit/action-labels";

import { AUTH_EVENT_ACTIONS, describeBrowser } from "./auth-events";

describe("the authentication journal", () => {
  it("has a French label in the admin Journal for every kind of event", () => {
    expect(Object.values(AUTH_EVENT_ACTIONS).filter((action) => !(action in AUDIT_ACTION_LABELS))).toEqual([]);
  });

  it("names the browser and system of a login in French", () => {
    expect(
      describeBrowser(
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36",
      ),
    ).toBe("Chrome sur Android");
    expect(
      describeBrowser(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
      ),
    ).toBe("Safari sur iOS");
    expect(describeBrowser("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0")).toBe(
      "Firefox sur Windows",
    );
    expect(
      describeBrowser(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0",
      ),
    ).toBe("Edge sur Windows");
    expect(describeBrowser("")).toBe("Navigateur inconnu");
    expect(describeBrowser("curl/8.5.0")).toBe("Navigateur inconnu");
  });
});
