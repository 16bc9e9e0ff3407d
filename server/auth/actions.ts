"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/server/auth/auth";

function safeRedirect(target: FormDataEntryValue | null): string {
  const value = typeof target === "string" ? target : "/";
  // Only same-site paths: never send someone to another host after sign-in.
  return value.startsWith("/") && !value.startsWith("//") ? value : "/";
}

export async function signInWithEmail(formData: FormData) {
  const redirectTo = safeRedirect(formData.get("redirectTo"));
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
  await signIn(provider, { redirectTo: safeRedirect(formData.get("redirectTo")) });
}

export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in" });
}
