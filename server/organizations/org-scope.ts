import type { Database } from "@/db/client";
import type { organizations } from "@/db/schema";
import type { Role } from "@/lib/roles";
import type { SessionUser } from "../auth/session-user";
import type { AppConfig } from "../config/app-config";

/** What domain logic acting for a signed-in person receives. */
export type UserScope = { db: Database; config: AppConfig; user: SessionUser };

/** …and for a member acting in their active organization, with their role there (checked by the caller). */
export type OrgScope = UserScope & { org: typeof organizations.$inferSelect; role: Role; membershipId: string };
