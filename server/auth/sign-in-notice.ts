import type { AppConfig } from "../config/app-config";

export type StartupNotice = { level: "warn" | "info"; message: string };

/** What the server log says at start-up about how people can sign in, if anything needs saying. */
export function signInStartupNotice(config: AppConfig): StartupNotice | undefined {
  const oauth = Boolean(config.auth.github || config.auth.google || config.auth.oidc);
  switch (config.email.kind) {
    case "resend":
      return undefined;
    case "outbox":
      return {
        level: "info",
        message:
          "[switchboard] no RESEND_API_KEY: sign-in links and invitations go to the local mailbox at /mailbox " +
          "(development, tests or LOCAL_MAILBOX=true); never expose this server to others like this",
      };
    case "none":
      return oauth
        ? {
            level: "info",
            message:
              "[switchboard] no RESEND_API_KEY: sign-in by email is off and emails are only recorded in the outbox; " +
              "people sign in with the configured OAuth/OIDC provider",
          }
        : {
            level: "warn",
            message:
              "[switchboard] WARNING: nobody can sign in to this server. There is no email service for sign-in links " +
              "(RESEND_API_KEY), no OAuth/OIDC provider (AUTH_GITHUB_*, AUTH_GOOGLE_*, AUTH_OIDC_*), and the local mailbox " +
              "is off in production. Fix: set RESEND_API_KEY and EMAIL_FROM, or configure a provider (see .env.example); " +
              "LOCAL_MAILBOX=true only on a machine nobody else can reach.",
          };
  }
}
