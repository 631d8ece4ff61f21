import { AppError } from "@/lib/errors";

import type { Viewer } from "./session";
import { assertStaffViewer } from "./staff-only";

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
