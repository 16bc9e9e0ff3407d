"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore } from "react";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { FieldError, serverFieldErrors, zodFieldErrors, type FieldErrors } from "@/components/ui/form-field-errors";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { signOutAction } from "@/server/auth/actions";
import { workspaceSetupSchema } from "@/lib/workspace-settings";
import { browserTimeZone } from "./time-zone-options";
import { TimeZonePicker } from "./time-zone-picker";

type Field = "name" | "timezone";
const fields = ["name", "timezone"] as const;
const neverChanges = () => () => {};

/** First sign-in: how callers know the business, and its time zone (the browser's, unless changed). */
export function WorkspaceSetupForm({ email, savedTimeZone }: { email: string | null; savedTimeZone: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const detectedTimeZone = useSyncExternalStore(neverChanges, browserTimeZone, () => null);
  const [name, setName] = useState("");
  const [chosenTimeZone, setChosenTimeZone] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const timezone = chosenTimeZone ?? detectedTimeZone ?? savedTimeZone;
  const setup = useMutation(
    trpc.organization.completeSetup.mutationOptions({
      onSuccess: () => {
        router.replace("/");
        router.refresh();
      },
      onError: (error) => setErrors(serverFieldErrors(error, fields)),
    }),
  );

  return (
    <Card>
      <CardHeader>
        <h1 className="text-lg font-semibold">Set up your workspace</h1>
        <CardDescription>Two things before you start: the name callers know you by, and your time zone.</CardDescription>
      </CardHeader>
      <CardContent>
        <form
          className="grid grid-cols-1 gap-5"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const checked = workspaceSetupSchema.safeParse({ name, timezone });
            if (!checked.success) {
              setErrors(zodFieldErrors<Field>(checked.error));
              return;
            }
            setErrors({});
            setup.mutate(checked.data);
          }}
        >
          <div className="grid gap-1.5">
            <Label htmlFor="setup-business-name">Business name</Label>
            <Input
              id="setup-business-name"
              value={name}
              maxLength={80}
              autoFocus
              autoComplete="organization"
              placeholder="Bright Smile Dental"
              aria-invalid={errors.name ? true : undefined}
              aria-describedby={["setup-business-name-hint", errors.name ? "setup-business-name-error" : null].filter(Boolean).join(" ")}
              onChange={(event) => {
                setName(event.target.value);
                setErrors((current) => ({ ...current, name: undefined, form: undefined }));
              }}
            />
            <FieldError id="setup-business-name-error" message={errors.name} />
            <p id="setup-business-name-hint" className="text-xs text-muted-foreground">
              Your texts and emails sign off with it (“- Bright Smile Dental”). It is also this workspace’s name.
            </p>
          </div>
          <div className="grid gap-1.5">
            <Label id="setup-time-zone-label" htmlFor="setup-time-zone">
              Time zone
            </Label>
            <TimeZonePicker
              id="setup-time-zone"
              labelId="setup-time-zone-label"
              value={timezone}
              onChange={(zone) => {
                setChosenTimeZone(zone);
                setErrors((current) => ({ ...current, timezone: undefined, form: undefined }));
              }}
              invalid={Boolean(errors.timezone)}
              describedBy={["setup-time-zone-hint", errors.timezone ? "setup-time-zone-error" : null].filter(Boolean).join(" ")}
            />
            <FieldError id="setup-time-zone-error" message={errors.timezone} />
            <p id="setup-time-zone-hint" className="text-xs text-muted-foreground">
              {detectedTimeZone && !chosenTimeZone ? "The one this computer uses. " : ""}Business-hours conditions and times in runs use it.
            </p>
          </div>
          {errors.form ? (
            <p role="alert" className="text-sm text-destructive">
              {errors.form}
            </p>
          ) : null}
          <Button type="submit" disabled={setup.isPending || setup.isSuccess}>
            {setup.isPending || setup.isSuccess ? "Setting up…" : "Continue"}
          </Button>
          <p className="text-center text-xs text-muted-foreground">You can change both later in Settings.</p>
        </form>
        {email ? (
          <form action={signOutAction} className="mt-4 border-t pt-4 text-center text-xs text-muted-foreground">
            Signed in as {email}.{" "}
            <button type="submit" className="font-medium text-primary underline-offset-2 hover:underline">
              Not you? Sign out
            </button>
          </form>
        ) : null}
      </CardContent>
    </Card>
  );
}
