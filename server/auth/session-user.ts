/** The signed-in person, as the session carries them. */
export type SessionUser = { id: string; name?: string | null; email?: string | null; image?: string | null };
