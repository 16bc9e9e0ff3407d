import type { Adapter, AdapterSession } from "next-auth/adapters";
import { hashToken } from "../crypto/tokens";

/**
 * Stores only the SHA-256 of each session token, so a copy of the `sessions` table signs nobody in.
 * Auth.js keeps handling the plain token: it puts what createSession returns into the cookie and
 * looks sessions up by the cookie's value, so every session handed back carries the caller's token.
 */
export function withHashedSessionTokens(adapter: Adapter): Adapter {
  const createSession = adapter.createSession?.bind(adapter);
  const getSessionAndUser = adapter.getSessionAndUser?.bind(adapter);
  const updateSession = adapter.updateSession?.bind(adapter);
  const deleteSession = adapter.deleteSession?.bind(adapter);
  if (!createSession || !getSessionAndUser || !updateSession || !deleteSession) {
    throw new Error("withHashedSessionTokens needs an adapter with database sessions");
  }
  const withPlainToken = <T extends AdapterSession>(session: T, sessionToken: string): T => ({ ...session, sessionToken });

  return {
    ...adapter,
    async createSession(session) {
      const created = await createSession({ ...session, sessionToken: hashToken(session.sessionToken) });
      return withPlainToken(created, session.sessionToken);
    },
    async getSessionAndUser(sessionToken) {
      const found = await getSessionAndUser(hashToken(sessionToken));
      return found && { user: found.user, session: withPlainToken(found.session, sessionToken) };
    },
    async updateSession(session) {
      const updated = await updateSession({ ...session, sessionToken: hashToken(session.sessionToken) });
      return updated && withPlainToken(updated, session.sessionToken);
    },
    async deleteSession(sessionToken) {
      const deleted = await deleteSession(hashToken(sessionToken));
      return deleted ? withPlainToken(deleted, sessionToken) : null;
    },
  };
}
