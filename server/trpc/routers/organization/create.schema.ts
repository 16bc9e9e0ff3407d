import { z } from "zod";

export const organizationNameSchema = z
  .string()
  .trim()
  .min(2, "Give the organization a name of at least 2 characters")
  .max(80, "Keep the name under 80 characters");

export const createOrganizationSchema = z.object({ name: organizationNameSchema });
