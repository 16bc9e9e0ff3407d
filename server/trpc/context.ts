import type { Database } from "@/db/client";
import type { SessionUser } from "../auth/session-user";
import type { AppConfig } from "../config/app-config";
import type { Executor } from "../execution/executor";

export const ACTIVE_ORG_COOKIE = "sb_org";

/**
 * Everything a procedure may use. Built by the HTTP handler and the Server Component caller
 * from the request, and by tests directly — procedures never reach for globals.
 */
export type TRPCContext = {
  db: Database;
  config: AppConfig;
  user: SessionUser | null;
  activeOrganizationId: string | undefined;
  /** Hands committed events to whatever runs workflows. */
  executor: Executor;
  setActiveOrganizationId: (organizationId: string) => void;
};
