import { z } from "zod";

export const revokeInvitationSchema = z.object({ invitationId: z.string().min(1) });
