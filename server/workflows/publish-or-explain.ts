import { TRPCError } from "@trpc/server";
import type { Database } from "@/db/client";

import { publishVersion, UnpublishableGraphError } from "./publish-version";

/** Publishes, turning the engine's objections into a readable BAD_REQUEST that lists them. */
export async function publishOrExplain(
  db: Database,
  input: Parameters<typeof publishVersion>[1],
): Promise<Awaited<ReturnType<typeof publishVersion>>> {
  try {
    return await publishVersion(db, input);
  } catch (error) {
    if (error instanceof UnpublishableGraphError) {
      throw new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
    }
    throw error;
  }
}
