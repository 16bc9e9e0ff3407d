"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { PhoneIncoming } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { eventTypeInfo, eventTypes, type EventType } from "@/engine";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";

const callTypes = new Set<EventType>([
  "call.missed",
  "call.answered",
  "call.completed",
  "call.started",
  "call.routed",
  "call.modified",
  "convert_assist.completed",
]);

/** Fires a realistic event (the engine's sample, with the fields edited here) at the live workflows. */
export function SimulateCallDialog({
  defaultType = "call.missed",
  trigger,
  defaultOpen = false,
}: {
  defaultType?: EventType;
  trigger?: React.ReactNode;
  defaultOpen?: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(defaultOpen);
  const [type, setType] = useState<EventType>(defaultType);
  const [callerNumber, setCallerNumber] = useState("+14155550123");
  const [callerName, setCallerName] = useState("Jane Doe");
  const [durationSeconds, setDurationSeconds] = useState("45");
  const [source, setSource] = useState("Google Ads");
  const [trackingNumber, setTrackingNumber] = useState("+14155550100");
  const [firstCall, setFirstCall] = useState(true);
  const [messageBody, setMessageBody] = useState("Hi, are you open on Saturday?");
  const isCall = callTypes.has(type);

  function callFields() {
    if (!isCall) return {};
    const seconds = Math.max(0, Math.round(Number(durationSeconds) || 0));
    if (type === "call.missed") return { answered: false, durationSeconds: 0 };
    if (type === "call.answered") return { answered: true, durationSeconds: seconds };
    if (type === "call.completed") return { answered: seconds > 0, durationSeconds: seconds };
    return { durationSeconds: seconds };
  }

  const simulate = useMutation(
    trpc.event.simulate.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        toast.success("Simulated event sent", {
          description: "Matching live workflows are running now.",
          action: { label: "See runs", onClick: () => (window.location.href = "/runs") },
        });
        await queryClient.invalidateQueries({ queryKey: trpc.run.list.queryKey() });
      },
    }),
  );

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        {trigger ?? (
          <Button variant="secondary">
            <PhoneIncoming aria-hidden /> Simulate a call
          </Button>
        )}
      </DialogTrigger>
      <DialogContent className="max-w-xl">
        <form
          className="grid gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            simulate.mutate({
              type,
              callerNumber,
              callerName,
              firstCall,
              source,
              trackingNumber,
              ...callFields(),
              ...(type.startsWith("sms.") ? { messageBody } : {}),
            });
          }}
        >
          <DialogHeader>
            <DialogTitle>Simulate a call</DialogTitle>
            <DialogDescription>
              Sends a pretend event to your live workflows — real runs, real logs. With no Twilio or Resend connected, texts and emails land
              in the{" "}
              <Link className="underline" href="/outbox">
                Outbox
              </Link>
              .
            </DialogDescription>
          </DialogHeader>
          <div className="grid gap-1.5">
            <Label htmlFor="sim-type">What happens</Label>
            <Select value={type} onValueChange={(value) => setType(value as EventType)}>
              <SelectTrigger id="sim-type">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {eventTypes.map((eventType) => (
                  <SelectItem key={eventType} value={eventType}>
                    {eventTypeInfo[eventType].label}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
          <div className="grid grid-cols-2 gap-3">
            <div className="grid gap-1.5">
              <Label htmlFor="sim-caller">Caller number</Label>
              <Input id="sim-caller" value={callerNumber} onChange={(event) => setCallerNumber(event.target.value)} />
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="sim-name">Caller name</Label>
              <Input id="sim-name" value={callerName} onChange={(event) => setCallerName(event.target.value)} />
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="sim-tracking">Tracking number called</Label>
              <Input id="sim-tracking" value={trackingNumber} onChange={(event) => setTrackingNumber(event.target.value)} />
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="sim-source">Marketing source</Label>
              <Input id="sim-source" value={source} onChange={(event) => setSource(event.target.value)} />
            </div>
            {isCall && type !== "call.missed" ? (
              <div className="grid gap-1.5">
                <Label htmlFor="sim-duration">Duration (seconds)</Label>
                <Input
                  id="sim-duration"
                  inputMode="numeric"
                  value={durationSeconds}
                  onChange={(event) => setDurationSeconds(event.target.value)}
                />
              </div>
            ) : null}
            {type.startsWith("sms.") ? (
              <div className="col-span-2 grid gap-1.5">
                <Label htmlFor="sim-message">Message</Label>
                <Input id="sim-message" value={messageBody} onChange={(event) => setMessageBody(event.target.value)} />
              </div>
            ) : null}
            <label className="col-span-2 flex items-center gap-2 text-sm">
              <Switch checked={firstCall} onCheckedChange={setFirstCall} aria-label="First-time caller" /> First-time caller
            </label>
          </div>
          <DialogFooter>
            <Button type="submit" disabled={simulate.isPending}>
              {simulate.isPending ? "Sending…" : "Send simulated event"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
