import crypto from "node:crypto";

import { authSecret } from "./secret";

// TOTP secrets are stored sealed (AES-256-GCM, key derived from NEXTAUTH_SECRET): a copy of the
// database alone does not give anyone the staff's second factor. No "server-only" here: the demo
// seed and `npm run demo:totp` use it too.

function encryptionKey(): Buffer {
  const secret = authSecret();
  if (!secret) throw new Error("NEXTAUTH_SECRET is required to protect second-factor secrets");
  return crypto.createHash("sha256").update(`portail-familles:totp:${secret}`).digest();
}

export function sealTotpSecret(secret: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", encryptionKey(), iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), sealed.toString("base64url")].join(".");
}

export function openTotpSecret(stored: string): string {
  const [version, iv, tag, sealed] = stored.split(".");
  if (version !== "v1" || !iv || !tag || !sealed) throw new Error("unreadable second-factor secret");
  const decipher = crypto.createDecipheriv("aes-256-gcm", encryptionKey(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString("utf8");
}
