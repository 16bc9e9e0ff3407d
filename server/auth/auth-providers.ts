import type { Provider } from "next-auth/providers";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import type { AppConfig } from "../config/app-config";
import type { EmailSender } from "../email/email-sender";
import { createRateLimiter } from "../rate-limit/sliding-window-limiter";
import { magicLinkEmail } from "./magic-link-email";

export type SignInOption = { id: string; name: string; kind: "email" | "oauth" };

/** What the sign-in page offers: exactly the providers that are configured and can reach someone. */
export function signInOptions(config: AppConfig): SignInOption[] {
  const options: SignInOption[] = [];
  if (config.auth.oidc) options.push({ id: "oidc", name: config.auth.oidc.name, kind: "oauth" });
  if (config.auth.github) options.push({ id: "github", name: "GitHub", kind: "oauth" });
  if (config.auth.google) options.push({ id: "google", name: "Google", kind: "oauth" });
  // With no email service and no local mailbox, a sign-in link would reach nobody.
  if (config.email.kind !== "none") options.push({ id: "email", name: "Email", kind: "email" });
  return options;
}

const signInEmailLimiter = createRateLimiter({ limit: 5, windowMs: 15 * 60_000 });

/** Whether another sign-in email may go to `address` now (Auth.js keys the limit by the lower-cased address). */
export function signInEmailAllowance(address: string) {
  return signInEmailLimiter.peek(address.trim().toLowerCase());
}

export function buildAuthProviders(config: AppConfig, sendEmail: () => Promise<EmailSender>): Provider[] {
  const providers: Provider[] = [];
  const { oidc, github, google } = config.auth;
  if (oidc) {
    providers.push({
      id: "oidc",
      name: oidc.name,
      type: "oidc",
      issuer: oidc.issuer,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      allowDangerousEmailAccountLinking: true,
    });
  }
  if (github) providers.push(GitHub({ ...github, allowDangerousEmailAccountLinking: true }));
  if (google) providers.push(Google({ ...google, allowDangerousEmailAccountLinking: true }));

  providers.push({
    id: "email",
    type: "email",
    name: "Email",
    from: config.email.from,
    maxAge: 24 * 60 * 60,
    async sendVerificationRequest({ identifier, url }) {
      const verdict = signInEmailLimiter(identifier);
      if (!verdict.allowed) {
        throw new Error(`Too many sign-in emails for ${identifier}; try again in ${verdict.retryAfterSeconds} s`);
      }
      const { host } = new URL(url);
      const email = magicLinkEmail(url, host);
      await (
        await sendEmail()
      )({ category: "sign_in", to: identifier, actionUrl: url, ...email });
    },
  });
  return providers;
}
