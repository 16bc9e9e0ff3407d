import { TRPCError } from "@trpc/server";
import { Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { signOutAction } from "@/server/auth/actions";
import { AcceptInvitationButton } from "@/components/invitations/accept-invitation-button";
import { TRPCReactProvider } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { auth } from "@/server/auth/auth";
import { roleLabels } from "@/lib/roles";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Invitation" };

async function loadInvitation(token: string) {
  try {
    return { invitation: await (await getServerCaller()).invitation.get({ token }) };
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) {
      return { error: error.code === "NOT_FOUND" ? error.message : "This invitation link is not valid." };
    }
    throw error;
  }
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const session = await auth();
  if (!session?.user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`);

  const result = await loadInvitation(token);
  const invitation = result.invitation;

  return (
    <Card>
      <CardContent className="flex flex-col items-center gap-3 p-8 text-center">
        <div className="rounded-full bg-accent p-3 text-accent-foreground">
          <Users className="size-6" aria-hidden />
        </div>
        {!invitation ? (
          <>
            <h1 className="text-lg font-semibold">Invitation not found</h1>
            <p className="text-sm text-muted-foreground">{result.error}</p>
            <Button asChild variant="secondary">
              <Link href="/">Go to Switchboard</Link>
            </Button>
          </>
        ) : invitation.accepted ? (
          <>
            <h1 className="text-lg font-semibold">Already accepted</h1>
            <p className="text-sm text-muted-foreground">This invitation to {invitation.organizationName} was already used.</p>
            <Button asChild>
              <Link href="/">Open Switchboard</Link>
            </Button>
          </>
        ) : invitation.expired ? (
          <>
            <h1 className="text-lg font-semibold">This invitation has expired</h1>
            <p className="text-sm text-muted-foreground">Ask {invitation.inviter} to invite you again.</p>
          </>
        ) : !invitation.emailMatches ? (
          <>
            <h1 className="text-lg font-semibold">Wrong account</h1>
            <p className="text-sm text-muted-foreground">
              This invitation is for <strong>{invitation.email}</strong>, but you are signed in as {session.user.email}.
            </p>
            <form action={signOutAction}>
              <input type="hidden" name="returnTo" value={`/invite/${token}`} />
              <Button type="submit" variant="secondary">
                Sign out and switch account
              </Button>
            </form>
          </>
        ) : (
          <>
            <h1 className="text-lg font-semibold">Join {invitation.organizationName}</h1>
            <p className="text-sm text-muted-foreground">
              {invitation.inviter} invited you as <strong>{roleLabels[invitation.role]}</strong>.
            </p>
            <TRPCReactProvider>
              <AcceptInvitationButton token={token} organizationName={invitation.organizationName} />
            </TRPCReactProvider>
          </>
        )}
      </CardContent>
    </Card>
  );
}
