import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";
import { trpcTransformer } from "@/lib/trpc-transformer";
import { findUnstorableValue } from "../http/storable-json";
import type { TRPCContext } from "./context";

function readableZodMessage(error: ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message)).join("; ");
}

export const unexpectedFailureMessage =
  "Something went wrong on our side and it was logged. Try again; if it keeps happening, tell us what you were doing.";

export const t = initTRPC.context<TRPCContext>().create({
  transformer: trpcTransformer,
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    // An unexpected failure is logged on the server (handle-trpc-request.ts); its text (a failed
    // query with its parameters, say) is for the log, never for the browser.
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    return {
      ...shape,
      // tRPC's default message for input errors is raw JSON; people get one sentence instead.
      message: zodError ? readableZodMessage(zodError) : internal ? unexpectedFailureMessage : shape.message,
      data: { ...shape.data, stack: undefined, zodError: zodError ? z.flattenError(zodError) : null },
    };
  },
});

/** Text no database can store (a NUL, half a character) is refused with the field named, before any handler runs. */
export const refuseUnstorableInput = t.middleware(async ({ getRawInput, next }) => {
  const problem = findUnstorableValue(await getRawInput());
  if (problem) throw new TRPCError({ code: "BAD_REQUEST", message: problem.message });
  return next();
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
