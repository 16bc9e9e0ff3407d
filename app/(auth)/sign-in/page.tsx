import { Inbox, KeyRound, MailX } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { signInWithEmail, signInWithProvider } from "@/server/auth/actions";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { auth } from "@/server/auth/auth";
import { signInOptions } from "@/server/auth/auth-providers";
import { safeRedirectPath } from "@/server/auth/safe-redirect-path";
import { getAppConfig } from "@/server/config/app-config";
import { servesLocalMailbox } from "@/server/config/email-config";

export const metadata: Metadata = { title: "Sign in" };

const errorMessages: Record<string, string> = {
  OAuthAccountNotLinked: "That email is already linked to another sign-in method. Use the one you used before.",
  EmailSignInError: "We could not send the sign-in email. Wait a few minutes and try again.",
  Verification: "That sign-in link has expired or was already used. Ask for a new one below.",
  AccessDenied: "Access was denied by the sign-in provider.",
};

function signInErrorMessage(code: string, minutes: string | undefined) {
  if (code === "TooManyEmails") {
    const wait = Math.max(1, Math.min(15, Number(minutes) || 15));
    return `We already sent several sign-in links to this address in the last 15 minutes. Use the newest one in your inbox, or ask again in ${wait} minute${wait === 1 ? "" : "s"}.`;
  }
  return Object.hasOwn(errorMessages, code) ? errorMessages[code]! : "Sign-in failed. Please try again.";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const config = getAppConfig();
  const callbackUrl = safeRedirectPath(params.callbackUrl, config.appUrl);
  if ((await auth())?.user) redirect(callbackUrl);

  const options = signInOptions(config);
  const oauth = options.filter((option) => option.kind === "oauth");
  const byEmail = options.some((option) => option.kind === "email");
  const error = params.error ? signInErrorMessage(params.error, params.minutes) : null;

  return (
    <Card>
      <CardHeader>
        <h1 className="text-lg font-semibold">Sign in to Switchboard</h1>
        <CardDescription>Workflows for every call your business gets.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-5">
        {error ? (
          <p role="alert" className="rounded-md bg-destructive/10 px-3 py-2 text-sm text-destructive">
            {error}
          </p>
        ) : null}
        {oauth.length > 0 ? (
          <div className="flex flex-col gap-2">
            {oauth.map((option) => (
              <form key={option.id} action={signInWithProvider}>
                <input type="hidden" name="provider" value={option.id} />
                <input type="hidden" name="redirectTo" value={callbackUrl} />
                <Button type="submit" variant="secondary" className="w-full">
                  <KeyRound aria-hidden />
                  Continue with {option.name}
                </Button>
              </form>
            ))}
            {byEmail ? (
              <div className="my-1 flex items-center gap-3 text-xs text-muted-foreground">
                <span className="h-px flex-1 bg-border" /> or <span className="h-px flex-1 bg-border" />
              </div>
            ) : null}
          </div>
        ) : null}
        {byEmail ? (
          <form action={signInWithEmail} className="flex flex-col gap-3">
            <input type="hidden" name="redirectTo" value={callbackUrl} />
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="email">Work email</Label>
              <Input id="email" name="email" type="email" required autoComplete="email" placeholder="you@company.com" />
            </div>
            <Button type="submit">Email me a sign-in link</Button>
          </form>
        ) : (
          <p role="note" className="flex items-start gap-2 rounded-md bg-muted px-3 py-2 text-sm">
            <MailX className="mt-0.5 size-4 shrink-0" aria-hidden />
            <span>
              {oauth.length > 0 ? "Sign-in by email is not available on this server" : "Nobody can sign in to this server yet"}: no email
              service is connected. The administrator can set RESEND_API_KEY (and EMAIL_FROM)
              {oauth.length > 0 ? "" : ", or connect GitHub, Google or an OpenID Connect provider"} — see .env.example.
            </span>
          </p>
        )}
        {servesLocalMailbox(config.email) ? (
          <p className="flex items-start gap-2 rounded-md bg-accent px-3 py-2 text-xs text-accent-foreground">
            <Inbox className="mt-0.5 size-4 shrink-0" aria-hidden />
            <span>
              No email service is connected, so sign-in links go to the{" "}
              <Link href="/mailbox" className="font-medium underline">
                local mailbox
              </Link>{" "}
              (and the server log).
            </span>
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}
