import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

/**
 * The only module that reads `process.env`. Every variable is optional: a missing
 * provider switches to its embedded default (PGlite, the outbox, the in-process
 * executor). A malformed value stops start-up with a message naming the variable.
 */
const optionalString = z.string().trim().min(1).optional();
const trueWords = ["true", "1", "yes"];
const falseWords = ["false", "0", "no"];
/** On or off, in any case; unset is off. Anything else stops start-up rather than guessing. */
const booleanFlag = z
  .string()
  .trim()
  .toLowerCase()
  .refine((value) => trueWords.includes(value) || falseWords.includes(value), "must be true or false (or 1/0, yes/no)")
  .optional()
  .transform((value) => value !== undefined && trueWords.includes(value));

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    APP_URL: z.url({ message: "APP_URL must be a full URL such as https://switchboard.example.com" }).optional(),
    PORT: z.coerce.number().int().positive().optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://")
      .optional(),
    DATA_DIR: optionalString,
    AUTH_SECRET: z.string().min(16, "AUTH_SECRET must be at least 16 characters (try: openssl rand -base64 32)").optional(),
    ENCRYPTION_KEY: z
      .string()
      .regex(/^[A-Za-z0-9+/]{43}=$/, "ENCRYPTION_KEY must be 32 bytes, base64-encoded (try: openssl rand -base64 32)")
      .optional(),
    AUTH_GITHUB_ID: optionalString,
    AUTH_GITHUB_SECRET: optionalString,
    AUTH_GOOGLE_ID: optionalString,
    AUTH_GOOGLE_SECRET: optionalString,
    AUTH_OIDC_ISSUER: z.url({ message: "AUTH_OIDC_ISSUER must be the issuer URL of your OpenID provider" }).optional(),
    AUTH_OIDC_ID: optionalString,
    AUTH_OIDC_SECRET: optionalString,
    AUTH_OIDC_NAME: optionalString,
    RESEND_API_KEY: optionalString,
    RESEND_BASE_URL: z.url().optional(),
    EMAIL_FROM: optionalString,
    TWILIO_ACCOUNT_SID: z
      .string()
      .regex(/^AC[0-9a-fA-F]{32}$/, "TWILIO_ACCOUNT_SID looks like AC followed by 32 hex characters")
      .optional(),
    TWILIO_AUTH_TOKEN: optionalString,
    TWILIO_API_BASE_URL: z.url().optional(),
    INNGEST_DEV: booleanFlag,
    INNGEST_BASE_URL: z.url().optional(),
    INNGEST_EVENT_KEY: optionalString,
    INNGEST_SIGNING_KEY: optionalString,
    SMS_DAILY_LIMIT: z.coerce.number().int().min(1, "SMS_DAILY_LIMIT must be at least 1").max(1000).default(3),
    RUN_RETENTION_DAYS: z.coerce.number().int().min(1, "RUN_RETENTION_DAYS must be at least 1 (days)").max(3650).default(30),
    ALLOW_PRIVATE_WEBHOOK_TARGETS: booleanFlag,
    LOCAL_MAILBOX: booleanFlag,
    NEXT_PHASE: optionalString,
    NEXT_RUNTIME: optionalString,
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  onValidationError: (issues) => {
    const lines = issues.map((issue) => `  - ${issue.path?.join(".")}: ${issue.message}`);
    const message = `Switchboard cannot start: invalid environment variables\n${lines.join("\n")}\nSee .env.example for what each variable expects.`;
    console.error(message);
    throw new Error(message);
  },
});

export type Env = typeof env;
