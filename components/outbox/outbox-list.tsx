"use client";

import { useQuery } from "@tanstack/react-query";
import { Inbox, Mail, MessageSquare } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { Skeleton } from "@/components/ui/skeleton";

const filters = [
  { value: "all", label: "All" },
  { value: "sms", label: "Texts" },
  { value: "email", label: "Emails" },
] as const;

const statusLooks = {
  simulated: { tone: "primary", label: "Delivered to outbox" },
  sent: { tone: "success", label: "Sent" },
  failed: { tone: "danger", label: "Failed" },
} as const;

export function OutboxList() {
  const trpc = useTRPC();
  const [channel, setChannel] = useState<"sms" | "email" | undefined>(undefined);
  const messages = useQuery(trpc.outbox.list.queryOptions({ channel, limit: 100 }));

  return (
    <div className="flex flex-col gap-4">
      <SegmentedControl
        label="Filter messages"
        value={channel ?? "all"}
        onValueChange={(value) => setChannel(value === "all" ? undefined : value)}
        options={filters}
        className="self-start"
      />
      {messages.isLoading ? (
        <div className="flex flex-col gap-2">
          {[0, 1, 2].map((key) => (
            <Skeleton key={key} className="h-20" />
          ))}
        </div>
      ) : messages.isError ? (
        <p role="alert" className="text-sm text-destructive">
          Could not load messages: {messages.error.message}
        </p>
      ) : messages.data?.length === 0 ? (
        <EmptyState
          icon={Inbox}
          title="Nothing sent yet"
          description="Texts and emails sent by your workflows appear here, and invitations for admins and owners. With no Twilio or Resend account connected, this is where workflow messages are delivered."
        />
      ) : (
        <ul className="flex flex-col gap-2" aria-label="Messages">
          {messages.data?.map((message) => (
            <li key={message.id} className="rounded-lg border bg-card p-4 shadow-xs" data-testid="outbox-message">
              <div className="flex flex-wrap items-center gap-2">
                {message.channel === "sms" ? (
                  <MessageSquare className="size-4 text-action" aria-label="Text message" />
                ) : (
                  <Mail className="size-4 text-primary" aria-label="Email" />
                )}
                <span className="min-w-0 break-words font-medium">{message.subject ?? `Text to ${message.to}`}</span>
                <Badge tone={statusLooks[message.status].tone} className="ml-auto">
                  {statusLooks[message.status].label}
                </Badge>
              </div>
              <p className="mt-1 text-xs text-muted-foreground wrap-anywhere">
                To {message.to} · from {message.from} · {message.createdAt.toLocaleString()}
              </p>
              <p className="mt-2 whitespace-pre-wrap text-sm wrap-anywhere">{message.body}</p>
              {message.error ? <p className="mt-2 text-sm text-destructive wrap-anywhere">{message.error}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
