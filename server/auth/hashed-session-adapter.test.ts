import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { migrationsFolder } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { hashToken } from "@/server/crypto/tokens";
import { setupTestDatabase } from "@/test-support/test-database";
import { createAuthAdapter } from "./auth-adapter";

const handle = setupTestDatabase();

const inADay = () => new Date(Date.now() + 24 * 60 * 60 * 1000);

async function newUser() {
  const [user] = await handle.db
    .insert(users)
    .values({ email: `${randomUUID()}@example.test` })
    .returning();
  return user!;
}

async function storedTokensOf(userId: string) {
  const rows = await handle.db.select({ token: sessions.sessionToken }).from(sessions).where(eq(sessions.userId, userId));
  return rows.map((row) => row.token);
}

describe("hashed session tokens", () => {
  it("round-trip: create, find by the plain token, update, delete — storing only the hash", async () => {
    const adapter = createAuthAdapter(handle.db);
    const user = await newUser();
    const sessionToken = randomUUID();

    const created = await adapter.createSession!({ sessionToken, userId: user.id, expires: inADay() });
    // Auth.js puts this value in the cookie: it must be the plain token.
    expect(created.sessionToken).toBe(sessionToken);
    expect(await storedTokensOf(user.id)).toEqual([hashToken(sessionToken)]);

    const found = await adapter.getSessionAndUser!(sessionToken);
    expect(found?.user.id).toBe(user.id);
    expect(found?.session.sessionToken).toBe(sessionToken);

    const later = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000);
    const updated = await adapter.updateSession!({ sessionToken, expires: later });
    expect(updated).toMatchObject({ sessionToken, expires: later });
    expect(await storedTokensOf(user.id)).toEqual([hashToken(sessionToken)]);
    expect((await adapter.getSessionAndUser!(sessionToken))?.session.expires).toEqual(later);

    await adapter.deleteSession!(sessionToken);
    expect(await storedTokensOf(user.id)).toEqual([]);
    expect(await adapter.getSessionAndUser!(sessionToken)).toBeNull();
  });

  it("a copied hash from the table is not a session token", async () => {
    const adapter = createAuthAdapter(handle.db);
    const user = await newUser();
    const sessionToken = randomUUID();
    await adapter.createSession!({ sessionToken, userId: user.id, expires: inADay() });
    const [stored] = await storedTokensOf(user.id);

    expect(await adapter.getSessionAndUser!(stored!)).toBeNull();
    expect(await adapter.updateSession!({ sessionToken: stored!, expires: inADay() })).toBeUndefined();
    await adapter.deleteSession!(stored!);
    expect(await storedTokensOf(user.id)).toHaveLength(1);
  });

  it("the 0007 migration hashes sessions stored in plaintext, so those users stay signed in", async () => {
    const adapter = createAuthAdapter(handle.db);
    const user = await newUser();
    const legacyToken = randomUUID();
    await handle.db.insert(sessions).values({ sessionToken: legacyToken, userId: user.id, expires: inADay() });

    const migration = readFileSync(path.join(migrationsFolder, "0007_hash_session_tokens.sql"), "utf8");
    await handle.db.execute(sql.raw(migration));

    expect(await storedTokensOf(user.id)).toEqual([hashToken(legacyToken)]);
    expect((await adapter.getSessionAndUser!(legacyToken))?.user.id).toBe(user.id);
  });
});
