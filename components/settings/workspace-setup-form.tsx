"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore } from "react";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { serverFieldErrors, zodFieldErrors, type FieldErrors } from "@/components/ui/form-field-errors";
import { signOutAction } from "@/server/auth/actions";
import { workspaceSetupSchema } from "@/lib/workspace-settings";
import { browserTimeZone } from "./time-zone-options";
import { BusinessNameField, TimeZoneField } from "./workspace-fields";

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
          <BusinessNameField
            id="setup-business-name"
            value={name}
            onChange={(value) => {
              setName(value);
              setErrors((current) => ({ ...current, name: undefined, form: undefined }));
            }}
            error={errors.name}
            autoFocus
            placeholder="Bright Smile Dental"
            hint="Your texts and emails sign off with it (“- Bright Smile Dental”). It is also this workspace’s name."
          />
          <TimeZoneField
            id="setup-time-zone"
            value={timezone}
            onChange={(zone) => {
              setChosenTimeZone(zone);
              setErrors((current) => ({ ...current, timezone: undefined, form: undefined }));
            }}
            error={errors.timezone}
            hint={`${detectedTimeZone && !chosenTimeZone ? "The one this computer uses. " : ""}Business-hours conditions and dates in texts and emails use it.`}
          />
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
