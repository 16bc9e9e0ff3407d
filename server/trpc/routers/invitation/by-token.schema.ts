import { z } from "zod";

export const invitationTokenSchema = z.object({ token: z.string().min(20).max(200) });
