import { AppError } from "./errors";

describe("AppError", () => {
  it("carries a known code and its French message", () => {
    const error = new AppError("NOT_FOUND", "Famille introuvable.");
    expect(error).toBeInstanceOf(Error);
    expect([error.code, error.message, error.name]).toEqual(["NOT_FOUND", "Famille introuvable.", "AppError"]);
  });

  it("refuses an unknown code at compile time (tsc checks this file)", () => {
    // @ts-expect-error "NO_SUCH_CODE" is not an AppErrorCode
    expect(new AppError("NO_SUCH_CODE", "…").code).toBe("NO_SUCH_CODE");
  });
});
