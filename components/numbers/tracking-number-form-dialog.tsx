"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { toast } from "sonner";
import type { RouterOutputs } from "@/server/trpc/router-types";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { SourcePicker } from "./source-picker";

type TrackingNumberView = RouterOutputs["trackingNumber"]["list"][number];

type Fields = { phoneNumber: string; label: string; source: string; businessNumber: string; defaultSmsSender: boolean };
type FieldName = keyof Fields;
type FieldErrors = Partial<Record<FieldName | "form", string>>;

const empty: Fields = { phoneNumber: "", label: "", source: "", businessNumber: "", defaultSmsSender: false };

/** The server's reasons, next to the field they are about; anything else above the buttons. */
function errorsFrom(error: {
  message: string;
  data?: { code?: string; zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null } | null;
}): FieldErrors {
  const fieldErrors = error.data?.zodError?.fieldErrors;
  if (fieldErrors && Object.keys(fieldErrors).length > 0) {
    const errors: FieldErrors = {};
    for (const [field, messages] of Object.entries(fieldErrors)) {
      if (messages?.[0]) errors[(field in empty ? field : "form") as FieldName | "form"] = messages[0];
    }
    return errors;
  }
  if (error.data?.code === "CONFLICT") return { phoneNumber: error.message };
  if (/business number/i.test(error.message)) return { businessNumber: error.message };
  return { form: error.message };
}

function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="text-xs text-destructive">
      {message}
    </p>
  );
}

/** Add a tracking number, or edit one (`number`). Admins only: the page does not render it for others. */
export function TrackingNumberFormDialog({ number, trigger }: { number?: TrackingNumberView; trigger: ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [fields, setFields] = useState<Fields>(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const prefix = number ? `edit-${number.id}` : "new-number";

  const onSuccess = async (saved: TrackingNumberView) => {
    setOpen(false);
    toast.success(number ? `Saved “${saved.label}”` : `Added “${saved.label}”. Now point it at Switchboard in Twilio.`);
    await queryClient.invalidateQueries({ queryKey: trpc.trackingNumber.list.queryKey() });
  };
  const create = useMutation(trpc.trackingNumber.create.mutationOptions({ onSuccess, onError: (error) => setErrors(errorsFrom(error)) }));
  const update = useMutation(trpc.trackingNumber.update.mutationOptions({ onSuccess, onError: (error) => setErrors(errorsFrom(error)) }));
  const pending = create.isPending || update.isPending;

  const set = <K extends FieldName>(key: K, value: Fields[K]) => {
    setFields((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined, form: undefined }));
  };
  const invalid = (key: FieldName) => (errors[key] ? true : undefined);
  const describedBy = (key: FieldName, hint?: string) =>
    [errors[key] ? `${prefix}-${key}-error` : null, hint].filter(Boolean).join(" ") || undefined;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setErrors({});
          setFields(
            number
              ? {
                  phoneNumber: number.phoneNumber,
                  label: number.label,
                  source: number.source ?? "",
                  businessNumber: number.businessNumber,
                  defaultSmsSender: number.defaultSmsSender,
                }
              : empty,
          );
        }
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className="max-w-xl">
        <form
          className="grid gap-4"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setErrors({});
            const input = { ...fields, source: fields.source.trim() || null };
            if (number) update.mutate({ trackingNumberId: number.id, ...input });
            else create.mutate(input);
          }}
        >
          <DialogHeader>
            <DialogTitle>{number ? "Edit tracking number" : "Add a tracking number"}</DialogTitle>
            <DialogDescription>
              A Twilio number you advertise in one place. Calls to it are forwarded to your business line and credited to its source.
            </DialogDescription>
          </DialogHeader>

          <div className="grid gap-1.5">
            <Label htmlFor={`${prefix}-phone`}>Tracking number</Label>
            <Input
              id={`${prefix}-phone`}
              type="tel"
              placeholder="+1 415 555 0100"
              value={fields.phoneNumber}
              aria-invalid={invalid("phoneNumber")}
              aria-describedby={describedBy("phoneNumber", `${prefix}-phone-hint`)}
              onChange={(event) => set("phoneNumber", event.target.value)}
            />
            <p id={`${prefix}-phone-hint`} className="text-xs text-muted-foreground">
              The number you bought in Twilio, with its country code.
            </p>
            <FieldError id={`${prefix}-phoneNumber-error`} message={errors.phoneNumber} />
          </div>

          <div className="grid gap-1.5">
            <Label htmlFor={`${prefix}-label`}>Label</Label>
            <Input
              id={`${prefix}-label`}
              placeholder="Spring mailer"
              value={fields.label}
              maxLength={100}
              aria-invalid={invalid("label")}
              aria-describedby={describedBy("label")}
              onChange={(event) => set("label", event.target.value)}
            />
            <FieldError id={`${prefix}-label-error`} message={errors.label} />
          </div>

          <div className="grid gap-1.5">
            <Label htmlFor={`${prefix}-source`}>Marketing source</Label>
            <SourcePicker
              id={`${prefix}-source`}
              value={fields.source}
              onChange={(value) => set("source", value)}
              invalid={invalid("source")}
              describedBy={describedBy("source")}
            />
            <FieldError id={`${prefix}-source-error`} message={errors.source} />
          </div>

          <div className="grid gap-1.5">
            <Label htmlFor={`${prefix}-business`}>Forward calls to</Label>
            <Input
              id={`${prefix}-business`}
              type="tel"
              placeholder="+1 510 555 0111"
              value={fields.businessNumber}
              aria-invalid={invalid("businessNumber")}
              aria-describedby={describedBy("businessNumber", `${prefix}-business-hint`)}
              onChange={(event) => set("businessNumber", event.target.value)}
            />
            <p id={`${prefix}-business-hint`} className="text-xs text-muted-foreground">
              Your business line, where someone answers.
            </p>
            <FieldError id={`${prefix}-businessNumber-error`} message={errors.businessNumber} />
          </div>

          <div className="flex items-start gap-3">
            <Switch
              id={`${prefix}-default-sms`}
              checked={fields.defaultSmsSender}
              onCheckedChange={(checked) => set("defaultSmsSender", checked)}
              aria-describedby={`${prefix}-default-sms-hint`}
            />
            <div className="grid gap-1">
              <Label htmlFor={`${prefix}-default-sms`}>Default number for texts</Label>
              <p id={`${prefix}-default-sms-hint`} className="text-xs text-muted-foreground">
                Workflows text from the number that was called; for texts that aren’t about a call (a web form), they use this one.
              </p>
            </div>
          </div>

          {errors.form ? (
            <p role="alert" className="rounded-md bg-destructive/10 px-3 py-2 text-sm text-destructive">
              {errors.form}
            </p>
          ) : null}
          <DialogFooter>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : number ? "Save changes" : "Add number"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
