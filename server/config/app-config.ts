import path from "node:path";
import type { DatabaseTarget } from "@/db/client";
import { env } from "../env";
import { chooseEmailConfig, type EmailConfig } from "./email-config";
import { chooseInngestConfig, type InngestConfig } from "./inngest-config";
import { loadOrCreateLocalSecrets } from "./local-secrets";

export type { EmailConfig } from "./email-config";

export type OAuthCredentials = { clientId: string; clientSecret: string };

export type AppConfig = {
  appUrl: string;
  dataDir: string;
  database: DatabaseTarget;
  authSecret: string;
  encryptionKey: Buffer;
  auth: {
    github?: OAuthCredentials;
    google?: OAuthCredentials;
    oidc?: OAuthCredentials & { issuer: string; name: string };
  };
  /** Resend, the local mailbox (development, tests, LOCAL_MAILBOX=true), or neither. */
  email: EmailConfig;
  sms: { kind: "twilio"; accountSid: string; authToken: string; apiBaseUrl?: string } | { kind: "outbox" };
  /** The cost guard: workflow texts one organization may send one number in any 24 hours (all its workflows together). */
  smsDailyLimit: number;
  /** Finished runs (and their steps) older than this many days are deleted by a daily job. */
  runRetentionDays: number;
  /** Set when Inngest runs workflows; otherwise the embedded executor does. */
  inngest: InngestConfig;
  allowPrivateWebhookTargets: boolean;
  isProductionBuild: boolean;
};

function pair(id: string | undefined, secret: string | undefined): OAuthCredentials | undefined {
  return id && secret ? { clientId: id, clientSecret: secret } : undefined;
}

/** Turns the validated environment into the configuration the rest of the server receives. */
export function loadAppConfig(): AppConfig {
  const dataDir = path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR ?? ".data");
  const needsLocalSecrets = !env.AUTH_SECRET || !env.ENCRYPTION_KEY;
  const local = needsLocalSecrets ? loadOrCreateLocalSecrets(dataDir) : undefined;
  const appUrl = (env.APP_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/$/, "");
  const from = env.EMAIL_FROM ?? "Switchboard <notifications@switchboard.local>";
  const isProductionBuild = env.NEXT_PHASE === "phase-production-build";

  return {
    appUrl,
    dataDir,
    database: env.DATABASE_URL ? { kind: "postgres", url: env.DATABASE_URL } : { kind: "pglite", dataDir: path.join(dataDir, "pglite") },
    authSecret: env.AUTH_SECRET ?? local!.authSecret,
    encryptionKey: Buffer.from(env.ENCRYPTION_KEY ?? local!.encryptionKey, "base64"),
    auth: {
      github: pair(env.AUTH_GITHUB_ID, env.AUTH_GITHUB_SECRET),
      google: pair(env.AUTH_GOOGLE_ID, env.AUTH_GOOGLE_SECRET),
      oidc:
        env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET
          ? {
              issuer: env.AUTH_OIDC_ISSUER,
              clientId: env.AUTH_OIDC_ID,
              clientSecret: env.AUTH_OIDC_SECRET,
              name: env.AUTH_OIDC_NAME ?? "Single sign-on",
            }
          : undefined,
    },
    email: chooseEmailConfig({
      nodeEnv: env.NODE_ENV,
      localMailbox: env.LOCAL_MAILBOX,
      resendApiKey: env.RESEND_API_KEY,
      resendBaseUrl: env.RESEND_BASE_URL,
      from,
    }),
    sms:
      env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN
        ? { kind: "twilio", accountSid: env.TWILIO_ACCOUNT_SID, authToken: env.TWILIO_AUTH_TOKEN, apiBaseUrl: env.TWILIO_API_BASE_URL }
        : { kind: "outbox" },
    smsDailyLimit: env.SMS_DAILY_LIMIT,
    runRetentionDays: env.RUN_RETENTION_DAYS,
    inngest: chooseInngestConfig({
      nodeEnv: env.NODE_ENV,
      isProductionBuild,
      dev: env.INNGEST_DEV,
      baseUrl: env.INNGEST_BASE_URL,
      eventKey: env.INNGEST_EVENT_KEY,
      signingKey: env.INNGEST_SIGNING_KEY,
    }),
    allowPrivateWebhookTargets: env.ALLOW_PRIVATE_WEBHOOK_TARGETS,
    isProductionBuild,
  };
}

let cached: AppConfig | undefined;
export function getAppConfig(): AppConfig {
  cached ??= loadAppConfig();
  return cached;
}
