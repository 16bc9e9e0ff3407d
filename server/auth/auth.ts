import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth from "next-auth";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { getAppConfig } from "../config/app-config";
import { getDb } from "../db";
import { createEmailSender } from "../email/email-sender";
import { createOrganization, personalOrganizationName } from "../organizations/create-organization";
import { buildAuthProviders } from "./auth-providers";

declare module "next-auth" {
  interface Session {
    user: { id: string; name?: string | null; email?: string | null; image?: string | null };
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  const config = getAppConfig();
  const db = await getDb();
  return {
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    session: { strategy: "database", maxAge: 30 * 24 * 60 * 60 },
    secret: config.authSecret,
    trustHost: true,
    providers: buildAuthProviders(config, async () => createEmailSender(config.email, db)),
    pages: { signIn: "/sign-in", verifyRequest: "/verify-request", error: "/sign-in" },
    callbacks: {
      session({ session, user }) {
        session.user.id = user.id;
        return session;
      },
    },
    events: {
      async createUser({ user }) {
        // Everyone lands in an organization of their own; invitations add more.
        await createOrganization(db, { name: personalOrganizationName(user), ownerUserId: user.id! }, config.encryptionKey);
      },
    },
  };
});
