import type { OrgProcedureContext } from "../../procedures";

export function currentOrganization({ ctx }: { ctx: OrgProcedureContext }) {
  const { id, name, slug, timezone } = ctx.org;
  return { id, name, slug, timezone, role: ctx.role };
}
