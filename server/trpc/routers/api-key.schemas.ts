import { z } from "zod";

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "Name the key after what uses it, such as “CRM sync”").max(80),
});

export const revokeApiKeySchema = z.object({ apiKeyId: z.string().min(1) });
