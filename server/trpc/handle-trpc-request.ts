import "server-only";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { MAX_TRPC_BATCH_SIZE } from "@/lib/trpc-batch";
import { refuseCrossSite } from "../http/cross-site-guard";
import { limitRequestBody } from "../http/request-body-limit";
import { appRouter } from "./app-router";
import type { TRPCContext } from "./context";

/** The largest tRPC request body; a workflow graph is far smaller (at most `maxNodes` steps, engine/graph). */
export const MAX_TRPC_BODY_BYTES = 1024 * 1024;

function isJson(contentType: string | null) {
  return contentType?.split(";", 1)[0]!.trim().toLowerCase() === "application/json";
}

/**
 * /api/trpc: the app's own API, authenticated by the session cookie. Mutations travel as JSON
 * only — a form post (multipart, urlencoded, text/plain) is what another site can send without
 * asking — and nothing from another origin is served at all.
 */
export async function handleTrpcRequest(
  request: Request,
  deps: { appUrl: string; createContext: () => Promise<TRPCContext> },
): Promise<Response> {
  const refused = refuseCrossSite(request, deps.appUrl);
  if (refused) return refused;
  if (request.method === "POST" && !isJson(request.headers.get("content-type"))) {
    return Response.json(
      { error: { code: "UNSUPPORTED_MEDIA_TYPE", message: 'Send the call as JSON ("Content-Type: application/json").' } },
      { status: 415 },
    );
  }
  const tooLarge = () =>
    new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: `The request is larger than ${MAX_TRPC_BODY_BYTES / 1024 / 1024} MB.` });
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: limitRequestBody(request, MAX_TRPC_BODY_BYTES, tooLarge),
    router: appRouter,
    maxBatchSize: MAX_TRPC_BATCH_SIZE,
    createContext: deps.createContext,
    onError({ path, error }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error);
    },
  });
}
