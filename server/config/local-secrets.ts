import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

type LocalSecrets = { authSecret: string; encryptionKey: string };

/**
 * With no AUTH_SECRET / ENCRYPTION_KEY configured, the embedded default generates them once
 * and keeps them beside the embedded database, so sessions and encrypted secrets survive restarts.
 */
export function loadOrCreateLocalSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, "secrets.json");
  if (existsSync(file)) {
    return JSON.parse(readFileSync(file, "utf8")) as LocalSecrets;
  }
  const secrets: LocalSecrets = {
    authSecret: randomBytes(32).toString("base64"),
    encryptionKey: randomBytes(32).toString("base64"),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
