"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { PhoneIncoming } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { eventTypeInfo, eventTypes, type EventType } from "@/engine";
import { formatPhoneNumber } from "@/components/numbers/format-phone-number";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FieldError, serverFieldErrors } from "@/components/ui/form-field-errors";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import {
  asksForDuration,
  simulateCallInput,
  type SimulateCallErrors,
  type SimulateCallField,
  type SimulateCallForm,
} from "./simulate-call-input";

const initialForm = (type: EventType): SimulateCallForm => ({
  type,
  callerNumber: "",
  reuseLastNumber: false,
  callerName: "Jane Doe",
  trackingNumber: "+14155550100",
  source: "Google Ads",
  durationSeconds: "45",
  firstCall: true,
  messageBody: "Hi, are you open on Saturday?",
});

const fieldNames = Object.keys(initialForm("call.missed")) as SimulateCallField[];

/**
 * Fires a realistic event (the engine's sample, with the fields edited here) at the live workflows.
 * Each call comes from a new made-up number unless one is typed or the last is reused, so
 * simulations behave like different callers (and do not run into the daily text limit per number).
 */
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
  const [form, setForm] = useState<SimulateCallForm>(() => initialForm(defaultType));
  const [errors, setErrors] = useState<SimulateCallErrors>({});
  const [lastNumber, setLastNumber] = useState<string | null>(null);
  const showDuration = asksForDuration(form.type);

  function set<K extends SimulateCallField>(key: K, value: SimulateCallForm[K]) {
    setForm((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined, form: undefined }));
  }
  const invalid = (key: SimulateCallField) => (errors[key] ? true : undefined);
  const describedBy = (key: SimulateCallField, hint?: string) =>
    [errors[key] ? `sim-${key}-error` : null, hint].filter(Boolean).join(" ") || undefined;

  const simulate = useMutation(
    trpc.event.simulate.mutationOptions({
      onSuccess: async (result) => {
        setOpen(false);
        setLastNumber(result.callerNumber);
        // The next call is a new caller again, name and all, unless the person reuses this one's number.
        setForm((current) => ({
          ...current,
          callerNumber: "",
          callerName: current.reuseLastNumber ? current.callerName : initialForm(current.type).callerName,
        }));
        toast.success("Simulated event sent", {
          description: `From ${formatPhoneNumber(result.callerNumber)}. Matching live workflows are running now.`,
          action: result.callId
            ? { label: "See the call", onClick: () => (window.location.href = `/calls/${result.callId}`) }
            : { label: "See runs", onClick: () => (window.location.href = "/runs") },
        });
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.run.list.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.calls.list.queryKey() }),
        ]);
      },
      onError: (error) => setErrors(serverFieldErrors(error, fieldNames)),
    }),
  );

  const reusing = form.reuseLastNumber && !form.callerNumber.trim();

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setErrors({});
      }}
    >
      <DialogTrigger asChild>
        {trigger ?? (
          <Button variant="secondary">
            <PhoneIncoming aria-hidden /> Simulate a call
          </Button>
        )}
      </DialogTrigger>
      <DialogContent className="max-h-[calc(100dvh-2rem)] max-w-xl overflow-y-auto">
        <form
          className="grid grid-cols-1 gap-4"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const checked = simulateCallInput(form);
            if (!checked.ok) {
              setErrors(checked.errors);
              return;
            }
            setErrors({});
            simulate.mutate(checked.input);
          }}
        >
          <DialogHeader>
            <DialogTitle>Simulate a call</DialogTitle>
            <DialogDescription>
              Sends a pretend event to your live workflows — real runs, real logs. A pretend call is listed on Calls, marked “Simulated”.
              With no Twilio or Resend connected, texts and emails land in the{" "}
              <Link className="underline" href="/outbox">
                Outbox
              </Link>
              .
            </DialogDescription>
          </DialogHeader>
          <div className="grid gap-1.5">
            <Label htmlFor="sim-type">What happens</Label>
            <Select value={form.type} onValueChange={(value) => set("type", value as EventType)}>
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
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <div className="grid content-start gap-1.5">
              <Label htmlFor="sim-caller">Caller number</Label>
              <Input
                id="sim-caller"
                type="tel"
                value={form.callerNumber}
                placeholder={reusing ? (lastNumber ? formatPhoneNumber(lastNumber) : "The last number used") : "A new number each time"}
                disabled={form.reuseLastNumber}
                aria-invalid={invalid("callerNumber")}
                aria-describedby={describedBy("callerNumber", "sim-caller-hint")}
                onChange={(event) => set("callerNumber", event.target.value)}
              />
              <FieldError id="sim-callerNumber-error" message={errors.callerNumber} />
              <p id="sim-caller-hint" className="text-xs text-muted-foreground">
                Leave empty for a made-up 555-01xx number per call, so each one is a new caller.
              </p>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="size-4 accent-primary"
                  checked={form.reuseLastNumber}
                  onChange={(event) => {
                    set("reuseLastNumber", event.target.checked);
                    if (event.target.checked) set("callerNumber", "");
                  }}
                />
                Reuse the last number{lastNumber ? `: ${formatPhoneNumber(lastNumber)}` : ""}
              </label>
            </div>
            <div className="grid content-start gap-1.5">
              <Label htmlFor="sim-name">Caller name</Label>
              <Input
                id="sim-name"
                value={form.callerName}
                maxLength={100}
                placeholder="No name: leave empty"
                aria-invalid={invalid("callerName")}
                aria-describedby={describedBy("callerName")}
                onChange={(event) => set("callerName", event.target.value)}
              />
              <FieldError id="sim-callerName-error" message={errors.callerName} />
            </div>
            <div className="grid content-start gap-1.5">
              <Label htmlFor="sim-tracking">Tracking number called</Label>
              <Input
                id="sim-tracking"
                type="tel"
                value={form.trackingNumber}
                aria-invalid={invalid("trackingNumber")}
                aria-describedby={describedBy("trackingNumber")}
                onChange={(event) => set("trackingNumber", event.target.value)}
              />
              <FieldError id="sim-trackingNumber-error" message={errors.trackingNumber} />
            </div>
            <div className="grid content-start gap-1.5">
              <Label htmlFor="sim-source">Marketing source</Label>
              <Input
                id="sim-source"
                value={form.source}
                maxLength={100}
                aria-invalid={invalid("source")}
                aria-describedby={describedBy("source")}
                onChange={(event) => set("source", event.target.value)}
              />
              <FieldError id="sim-source-error" message={errors.source} />
            </div>
            {showDuration ? (
              <div className="grid content-start gap-1.5">
                <Label htmlFor="sim-duration">Duration (seconds)</Label>
                <Input
                  id="sim-duration"
                  inputMode="numeric"
                  value={form.durationSeconds}
                  aria-invalid={invalid("durationSeconds")}
                  aria-describedby={describedBy("durationSeconds")}
                  onChange={(event) => set("durationSeconds", event.target.value)}
                />
                <FieldError id="sim-durationSeconds-error" message={errors.durationSeconds} />
              </div>
            ) : null}
            {form.type.startsWith("sms.") ? (
              <div className="grid content-start gap-1.5 sm:col-span-2">
                <Label htmlFor="sim-message">Message</Label>
                <Input
                  id="sim-message"
                  value={form.messageBody}
                  aria-invalid={invalid("messageBody")}
                  aria-describedby={describedBy("messageBody")}
                  onChange={(event) => set("messageBody", event.target.value)}
                />
                <FieldError id="sim-messageBody-error" message={errors.messageBody} />
              </div>
            ) : null}
            <label className="flex items-center gap-2 text-sm sm:col-span-2">
              <Switch checked={form.firstCall} onCheckedChange={(checked) => set("firstCall", checked)} aria-label="First-time caller" />{" "}
              First-time caller
            </label>
          </div>
          {errors.form ? (
            <p role="alert" className="text-sm text-destructive">
              {errors.form}
            </p>
          ) : null}
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
