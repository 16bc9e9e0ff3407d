import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { createCaller } from "./app-router";
import { createRequestContext } from "./request-context";

/**
 * tRPC for Server Components: the same procedures, called in-process, once per request.
 * Pages render in parallel with their layout, so each must not assume the layout's sign-in check ran.
 */
export const getServerCaller = cache(async () => {
  const context = await createRequestContext();
  if (!context.user) redirect("/sign-in");
  return createCaller(context);
});
