import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "./" });

// Unit tests live beside the code (lib/**/*.test.ts), or in tests/unit when they check the tree
// itself (every form's method); integration tests, which talk to a real
// database (PGlite always, PostgreSQL when reachable), live in tests/integration. End-to-end
// tests have their own config (jest.e2e.config.mjs).
const config = {
  testEnvironment: "node",
  testMatch: [
    "<rootDir>/lib/**/*.test.ts",
    "<rootDir>/prisma/**/*.test.ts",
    "<rootDir>/tests/integration/**/*.test.ts",
    "<rootDir>/tests/unit/**/*.test.ts",
  ],
  moduleNameMapper: {
    "^server-only$": "<rootDir>/tests/helpers/server-only.ts",
    "^@/(.*)$": "<rootDir>/$1",
  },
  globalSetup: "<rootDir>/tests/helpers/global-setup.mjs",
  // The portal's clock, pinned (tests/helpers/clock-setup.ts).
  setupFiles: ["<rootDir>/tests/helpers/clock-setup.ts"],
  testTimeout: 60_000,
  maxWorkers: 2,
};

const jestConfig = createJestConfig(config);

async function jestConfigWithTransforms() {
  const resolved = await jestConfig();
  // Let the generated Prisma client and ESM-only packages through the transform.
  resolved.transformIgnorePatterns = [
    "/node_modules/(?!(@prisma/client|file-type|strtok3|token-types|peek-readable|@tokenizer|uint8array-extras|@borewit|@scure|@noble|@otplib|otplib)/)",
  ];
  return resolved;
}

export default jestConfigWithTransforms;
