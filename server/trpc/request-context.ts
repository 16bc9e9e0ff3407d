import "server-only";
import { cookies } from "next/headers";
import { auth } from "../auth/auth";
import { getAppConfig } from "../config/app-config";
import { getDb } from "../db";
import { getExecutor } from "../execution/execution-runtime";
import { ACTIVE_ORG_COOKIE, type TRPCContext } from "./context";

/** Builds the tRPC context from the current Next.js request (route handler or Server Component). */
export async function createRequestContext(): Promise<TRPCContext> {
  const [session, cookieStore, db, executor] = await Promise.all([auth(), cookies(), getDb(), getExecutor()]);
  const config = getAppConfig();
  return {
    db,
    config,
    user: session?.user?.id ? session.user : null,
    executor,
    activeOrganizationId: cookieStore.get(ACTIVE_ORG_COOKIE)?.value,
    setActiveOrganizationId(organizationId) {
      cookieStore.set(ACTIVE_ORG_COOKIE, organizationId, {
        httpOnly: true,
        sameSite: "lax",
        path: "/",
        secure: config.appUrl.startsWith("https://"),
        maxAge: 365 * 24 * 60 * 60,
      });
    },
  };
}
