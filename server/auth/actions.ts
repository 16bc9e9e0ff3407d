"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/server/auth/auth";
import { getAppConfig } from "@/server/config/app-config";
import { servesLocalMailbox } from "@/server/config/email-config";
import { normalizeMailboxAddress, rememberMailboxRecipient } from "@/server/outbox/mailbox-recipient";
import { signInEmailAllowance } from "./auth-providers";
import { safeRedirectPath } from "./safe-redirect-path";

export async function signInWithEmail(formData: FormData) {
  const config = getAppConfig();
  const redirectTo = safeRedirectPath(formData.get("redirectTo"), config.appUrl);
  const address = normalizeMailboxAddress(formData.get("email"));
  const allowance = address ? signInEmailAllowance(address) : { allowed: true as const };
  if (!allowance.allowed) {
    const minutes = Math.ceil(allowance.retryAfterSeconds / 60);
    redirect(`/sign-in?error=TooManyEmails&minutes=${minutes}&callbackUrl=${encodeURIComponent(redirectTo)}`);
  }
  if (address && servesLocalMailbox(config.email)) {
    await rememberMailboxRecipient(address, { secure: config.appUrl.startsWith("https:") });
  }
  try {
    await signIn("email", { email: formData.get("email"), redirectTo });
  } catch (error) {
    if (error instanceof AuthError) {
      redirect(`/sign-in?error=${encodeURIComponent(error.type)}&callbackUrl=${encodeURIComponent(redirectTo)}`);
    }
    throw error;
  }
}

export async function signInWithProvider(formData: FormData) {
  const provider = String(formData.get("provider"));
  await signIn(provider, { redirectTo: safeRedirectPath(formData.get("redirectTo"), getAppConfig().appUrl) });
}

/** Signs out; a `returnTo` field (the invitation page, say) is where signing in again leads. */
export async function signOutAction(formData?: FormData) {
  const returnTo = safeRedirectPath(formData?.get("returnTo"), getAppConfig().appUrl);
  await signOut({ redirectTo: returnTo === "/" ? "/sign-in" : `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` });
}
