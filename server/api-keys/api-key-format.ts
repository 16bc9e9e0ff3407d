import { randomBytes } from "node:crypto";
import { hashToken } from "../crypto/tokens";

const PREFIX = "sb_live_";

/** A new key: shown to the person once; only its hash and a short prefix are stored. */
export function generateApiKey() {
  const key = `${PREFIX}${randomBytes(24).toString("base64url")}`;
  return { key, prefix: key.slice(0, PREFIX.length + 6), hash: hashToken(key) };
}

export function looksLikeApiKey(value: string): boolean {
  return value.startsWith(PREFIX) && value.length >= PREFIX.length + 20 && value.length <= 100;
}
