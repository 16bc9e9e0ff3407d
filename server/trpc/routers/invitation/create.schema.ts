import { z } from "zod";
import { roleSchema } from "../member/change-role.schema";

export const createInvitationSchema = z.object({
  email: z.email("Enter an email address such as jane@example.com").trim().toLowerCase(),
  role: roleSchema,
});
