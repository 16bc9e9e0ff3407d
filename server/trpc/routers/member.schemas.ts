import { z } from "zod";
import { roles } from "@/lib/roles";

export const roleSchema = z.enum(roles, { message: "Pick a role: owner, admin, editor or viewer" });

export const changeRoleSchema = z.object({ membershipId: z.string().min(1), role: roleSchema });

export const removeMemberSchema = z.object({ membershipId: z.string().min(1) });
