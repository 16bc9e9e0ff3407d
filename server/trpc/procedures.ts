import { TRPCError } from "@trpc/server";
import type { SessionUser } from "../auth/session-user";
import type { OrgScope } from "../organizations/org-scope";
import type { TRPCContext } from "./context";
import { resolveActiveMembership } from "../organizations/resolve-membership";
import { hasRole, roleLabels, type Role } from "@/lib/roles";
import { refuseUnstorableInput, t } from "./init";

export const publicProcedure = t.procedure.use(refuseUnstorableInput);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in again: your session has ended." });
  }
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/**
 * Every tenant procedure goes through here: it resolves the caller's membership in the active
 * organization and refuses roles below `minimumRole`. Handlers scope every query by `ctx.org.id`.
 */
export function orgProcedure(minimumRole: Role) {
  return protectedProcedure.use(async ({ ctx, next }) => {
    const membership = await resolveActiveMembership(ctx.db, ctx.user, ctx.activeOrganizationId, ctx.config.encryptionKey);
    if (!hasRole(membership.role, minimumRole)) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `This needs the ${roleLabels[minimumRole]} role or higher; you are ${roleLabels[membership.role]} in ${membership.organization.name}.`,
      });
    }
    return next({
      ctx: { ...ctx, org: membership.organization, role: membership.role, membershipId: membership.membershipId },
    });
  });
}

export type ProtectedContext = TRPCContext & { user: SessionUser };
export type OrgProcedureContext = ProtectedContext & OrgScope;
