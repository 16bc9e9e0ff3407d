import { Inbox } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getAppConfig } from "@/server/config/app-config";
import { servesLocalMailbox } from "@/server/config/email-config";
import { getDb } from "@/server/db";
import { mailboxRecipient } from "@/server/outbox/mailbox-recipient";
import { listSystemMail } from "@/server/outbox/system-mailbox";

export const metadata: Metadata = { title: "Local mailbox" };
export const dynamic = "force-dynamic";

export default async function MailboxPage() {
  if (!servesLocalMailbox(getAppConfig().email)) notFound();
  const recipient = await mailboxRecipient();
  const messages = recipient ? await listSystemMail(await getDb(), recipient) : [];

  return (
    <Card>
      <CardHeader>
        <h1 className="text-lg font-semibold">Local mailbox</h1>
        <CardDescription>
          Sign-in links and invitations land here while no email service is connected
          {recipient ? (
            <>
              {" "}
              — shown for{" "}
              <span className="font-medium text-foreground" data-testid="mailbox-recipient">
                {recipient}
              </span>
              , the address this browser asked a sign-in link for
            </>
          ) : null}
          . Connect Resend (RESEND_API_KEY) before you share this server with anyone.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {messages.length === 0 ? (
          <EmptyState
            icon={Inbox}
            title={recipient ? `No emails to ${recipient} yet` : "Ask for a link first"}
            description={
              recipient
                ? "Ask for a sign-in link on the sign-in page, or for an invitation from an admin, and it will appear here."
                : "This mailbox shows the emails to the address you type on the sign-in page, in this browser. Ask for a sign-in link there, then come back."
            }
            action={
              <Button asChild variant="secondary">
                <Link href="/sign-in">Go to sign-in</Link>
              </Button>
            }
          />
        ) : (
          <ul className="flex flex-col gap-3" aria-label="Emails">
            {messages.map((message) => (
              <li key={message.id} className="rounded-md border p-3" data-testid="mailbox-message">
                <div className="flex items-center justify-between gap-2">
                  <span className="truncate font-medium">{message.subject}</span>
                  <Badge tone={message.category === "sign_in" ? "primary" : "success"}>
                    {message.category === "sign_in" ? "Sign-in" : "Invitation"}
                  </Badge>
                </div>
                <p className="mt-1 text-xs text-muted-foreground">
                  To <span data-testid="mailbox-to">{message.to}</span> ·{" "}
                  {message.createdAt.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })}
                </p>
                {message.actionUrl ? (
                  <Button asChild size="sm" className="mt-3">
                    <a href={message.actionUrl}>{message.category === "sign_in" ? "Sign in" : "Open invitation"}</a>
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
