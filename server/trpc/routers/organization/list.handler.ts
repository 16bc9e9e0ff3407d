import { asc, eq } from "drizzle-orm";
import { memberships, organizations } from "@/db/schema";
import type { ProtectedContext } from "../../procedures";

/** The organizations the user belongs to, for the org switcher. */
export async function listOrganizations({ ctx }: { ctx: ProtectedContext }) {
  return ctx.db
    .select({ id: organizations.id, name: organizations.name, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, ctx.user.id))
    .orderBy(asc(organizations.name));
}
