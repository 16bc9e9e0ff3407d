/**
 * How emails leave the app. Sign-in and invitation links grant access, so where they may be
 * kept depends on this: only the local mailbox needs them stored.
 */
export type EmailConfig =
  /** Delivered by Resend; the outbox keeps a copy without sign-in or invitation links. */
  | { kind: "resend"; apiKey: string; baseUrl?: string; from: string }
  /**
   * No email service: the local mailbox (`/mailbox`) delivers sign-in and invitation links, and the
   * outbox keeps them. Only in development, in tests, or with LOCAL_MAILBOX=true.
   */
  | { kind: "outbox"; from: string }
  /** No email service and no local mailbox: emails are recorded in the outbox without their links. */
  | { kind: "none"; from: string };

export type EmailSettings = {
  nodeEnv: "development" | "test" | "production";
  /** LOCAL_MAILBOX=true: serve the local mailbox even in production. */
  localMailbox: boolean;
  resendApiKey?: string;
  resendBaseUrl?: string;
  from: string;
};

/** Resend when it has a key; otherwise the local mailbox, but never by default on a production server. */
export function chooseEmailConfig(settings: EmailSettings): EmailConfig {
  const { from } = settings;
  if (settings.resendApiKey) return { kind: "resend", apiKey: settings.resendApiKey, baseUrl: settings.resendBaseUrl, from };
  if (settings.nodeEnv !== "production" || settings.localMailbox) return { kind: "outbox", from };
  return { kind: "none", from };
}

/** Whether `/mailbox` is served (and sign-in links are kept in the outbox for it). */
export function servesLocalMailbox(email: EmailConfig): boolean {
  return email.kind === "outbox";
}
