import { getAppConfig } from "@/server/config/app-config";
import { handleTrpcRequest } from "@/server/trpc/handle-trpc-request";
import { createRequestContext } from "@/server/trpc/request-context";

export const runtime = "nodejs";

function handler(request: Request) {
  return handleTrpcRequest(request, { appUrl: getAppConfig().appUrl, createContext: createRequestContext });
}

export { handler as GET, handler as POST };
