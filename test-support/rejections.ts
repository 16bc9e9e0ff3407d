import { TRPCError } from "@trpc/server";

/**
 * What `call` fails with, or null when it succeeds. It takes a thunk so the call starts only
 * here: a promise made earlier and awaited later can reject unhandled and fail the run.
 */
export async function rejectionOf(call: () => Promise<unknown>): Promise<unknown> {
  return call().then(
    () => null,
    (caught: unknown) => caught,
  );
}

/** The tRPC error code `call` fails with (any other error as it is; null on success). */
export async function trpcCodeOf(call: () => Promise<unknown>) {
  const error = await rejectionOf(call);
  return error instanceof TRPCError ? error.code : error;
}

/** The tRPC error `call` fails with, or null when it succeeds. */
export async function trpcErrorOf(call: () => Promise<unknown>) {
  return (await rejectionOf(call)) as TRPCError | null;
}

/** The message of the error `call` fails with, or null. */
export async function errorMessageOf(call: () => Promise<unknown>) {
  const error = await rejectionOf(call);
  return error instanceof Error ? error.message : null;
}
