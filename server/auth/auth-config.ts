import type { NextAuthConfig } from "next-auth";
import type { Database } from "@/db/client";
import type { AppConfig } from "../config/app-config";
import { createEmailSender } from "../email/email-sender";
import { createPersonalOrganization } from "../organizations/create-organization";
import { createAuthAdapter } from "./auth-adapter";
import { buildAuthProviders } from "./auth-providers";
import { safeRedirectPath } from "./safe-redirect-path";

declare module "next-auth" {
  interface Session {
    user: { id: string; name?: string | null; email?: string | null; image?: string | null };
  }
}

/** Auth.js as Switchboard runs it: database sessions (tokens hashed), the configured providers, our pages. */
export function buildAuthConfig(config: AppConfig, db: Database): NextAuthConfig {
  return {
    adapter: createAuthAdapter(db),
    session: { strategy: "database", maxAge: 30 * 24 * 60 * 60 },
    secret: config.authSecret,
    trustHost: true,
    providers: buildAuthProviders(config, async () => createEmailSender(config.email, db)),
    pages: { signIn: "/sign-in", verifyRequest: "/verify-request", error: "/sign-in" },
    // Over https the callback URL lives in a __Host- cookie, which no sibling subdomain can set
    // (see unsafe-callback-url.ts for why that matters).
    ...(config.appUrl.startsWith("https:")
      ? {
          cookies: {
            callbackUrl: { name: "__Host-authjs.callback-url", options: { httpOnly: true, sameSite: "lax", path: "/", secure: true } },
          },
        }
      : {}),
    callbacks: {
      // The same rule as the sign-in page and actions: only paths on this app (APP_URL's origin).
      redirect({ url, baseUrl }) {
        return new URL(safeRedirectPath(url, config.appUrl), baseUrl).href;
      },
      // What this returns is also served to the browser at /api/auth/session: never the session token.
      session({ session, user }) {
        return {
          user: { id: user.id, name: user.name, email: user.email, image: user.image },
          expires: session.expires,
        };
      },
    },
    events: {
      async createUser({ user }) {
        // Everyone lands in a workspace of their own (set up at first sign-in); invitations add more.
        await createPersonalOrganization(db, { ...user, id: user.id! }, config.encryptionKey);
      },
    },
  };
}
