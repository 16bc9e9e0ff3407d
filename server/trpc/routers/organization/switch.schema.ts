import { z } from "zod";

export const switchOrganizationSchema = z.object({ organizationId: z.string().min(1) });
