// The password policy's length bounds, in a module the browser can import (password-policy.ts
// reads the common-passwords file with node:fs, which client bundles cannot include).
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
