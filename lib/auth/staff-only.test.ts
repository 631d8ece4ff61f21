import { AppError } from "@/lib/errors";

import type { Viewer } from "./session";
import { assertAdminViewer, assertStaffViewer } from "./staff-only";

const viewer = (role: Viewer["role"]): Viewer => ({
  userId: "u",
  email: "x@example.fr",
  name: "X",
  role,
  familyId: role === "PARENT" ? "f" : null,
});

describe("a staff-only data function's guard", () => {
  it("lets agents and admins through", () => {
    expect(() => assertStaffViewer(viewer("AGENT"))).not.toThrow();
    expect(() => assertStaffViewer(viewer("ADMIN"))).not.toThrow();
  });

  it("refuses a parent with a French message", () => {
    expect(() => assertStaffViewer(viewer("PARENT"))).toThrow(
      new AppError("FORBIDDEN", "Ces informations sont réservées aux agents de la mairie."),
    );
  });
});

describe("an administrators-only data function's guard", () => {
  it("lets admins through and refuses an agent and a parent with a French message", () => {
    expect(() => assertAdminViewer(viewer("ADMIN"))).not.toThrow();
    for (const role of ["AGENT", "PARENT"] as const) {
      expect(() => assertAdminViewer(viewer(role))).toThrow(
        new AppError("FORBIDDEN", "Ces informations sont réservées aux administrateurs."),
      );
    }
  });
});
