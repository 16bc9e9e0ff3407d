import { initTRPC } from "@trpc/server";
import { ZodError, z } from "zod";
import { trpcTransformer } from "@/lib/trpc-transformer";
import type { TRPCContext } from "./context";

function readableZodMessage(error: ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

export const t = initTRPC.context<TRPCContext>().create({
  transformer: trpcTransformer,
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    return {
      ...shape,
      // tRPC's default message for input errors is raw JSON; people get one sentence instead.
      message: zodError ? readableZodMessage(zodError) : shape.message,
      data: { ...shape.data, zodError: zodError ? z.flattenError(zodError) : null },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
