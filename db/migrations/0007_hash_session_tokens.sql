-- Sessions are now looked up by the SHA-256 (hex) of the cookie's token, never stored in plaintext
-- (server/auth/hashed-session-adapter.ts). Hash the existing rows in place: nobody is signed out.
UPDATE "sessions" SET "session_token" = encode(sha256(convert_to("session_token", 'UTF8')), 'hex');
