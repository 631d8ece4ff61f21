import nextJest from "next/jest.js";

// Browser journeys against the built portal (see tests/e2e/global-setup.mjs).
const createJestConfig = nextJest({ dir: "./" });

export default createJestConfig({
  testEnvironment: "node",
  testMatch: ["<rootDir>/tests/e2e/**/*.test.ts"],
  moduleNameMapper: {
    "^server-only$": "<rootDir>/tests/helpers/server-only.ts",
    "^@/(.*)$": "<rootDir>/$1",
  },
  globalSetup: "<rootDir>/tests/e2e/global-setup.mjs",
  testTimeout: 120_000,
  maxWorkers: 1,
});
