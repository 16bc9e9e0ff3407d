import { z } from "zod";
import { roleSchema } from "./member.schemas";

export const invitationTokenSchema = z.object({ token: z.string().min(20).max(200) });

export const createInvitationSchema = z.object({
  email: z.email("Enter an email address such as jane@example.com").trim().toLowerCase(),
  role: roleSchema,
});

export const revokeInvitationSchema = z.object({ invitationId: z.string().min(1) });
