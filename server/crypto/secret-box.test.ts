import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./secret-box";

describe("secret box", () => {
  const key = randomBytes(32);

  it("round-trips a secret and never stores the plaintext", () => {
    const sealed = encryptSecret("whsec_abc", key);
    expect(sealed).not.toContain("whsec_abc");
    expect(decryptSecret(sealed, key)).toBe("whsec_abc");
  });

  it("refuses a tampered or foreign-key ciphertext", () => {
    const sealed = encryptSecret("whsec_abc", key);
    expect(() => decryptSecret(sealed, randomBytes(32))).toThrow();
    const parts = sealed.split(".");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(() => decryptSecret(parts.join("."), key)).toThrow();
  });
});
