import { DrizzleAdapter } from "@auth/drizzle-adapter";
import type { Adapter } from "next-auth/adapters";
import type { Database } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { withHashedSessionTokens } from "./hashed-session-adapter";

/** Where Auth.js keeps users, accounts, sessions (tokens hashed) and sign-in link tokens. */
export function createAuthAdapter(db: Database): Adapter {
  return withHashedSessionTokens(
    DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
  );
}
