"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { serverFieldErrors, zodFieldErrors, type FieldErrors } from "@/components/ui/form-field-errors";
import { businessNameVariable, workspaceSetupSchema } from "@/lib/workspace-settings";
import { BusinessNameField, TimeZoneField } from "./workspace-fields";

type Field = "name" | "timezone";
const fields = ["name", "timezone"] as const;

export function GeneralSettingsForm({ organization, canEdit }: { organization: { name: string; timezone: string }; canEdit: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState(organization.name);
  const [timezone, setTimezone] = useState(organization.timezone);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const update = useMutation(
    trpc.organization.update.mutationOptions({
      onSuccess: () => {
        toast.success("Settings saved");
        router.refresh();
      },
      onError: (error) => setErrors(serverFieldErrors(error, fields)),
    }),
  );

  return (
    <Card className="max-w-2xl">
      <CardHeader>
        <CardTitle>Workspace</CardTitle>
        <CardDescription>
          What callers see, and the clock your workflows keep.
          {canEdit ? null : " Only admins and owners can change these settings."}
        </CardDescription>
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
            update.mutate(checked.data);
          }}
        >
          <BusinessNameField
            id="org-name-setting"
            value={name}
            onChange={(value) => {
              setName(value);
              setErrors((current) => ({ ...current, name: undefined, form: undefined }));
            }}
            error={errors.name}
            disabled={!canEdit}
            hint={
              <>
                Also this workspace’s name. Used in texts and emails as <code className="font-mono">{businessNameVariable}</code>, so write
                it as callers know you.
              </>
            }
          />
          <TimeZoneField
            id="org-timezone"
            value={timezone}
            onChange={(zone) => {
              setTimezone(zone);
              setErrors((current) => ({ ...current, timezone: undefined, form: undefined }));
            }}
            error={errors.timezone}
            disabled={!canEdit}
            hint="Business-hours conditions and dates in texts and emails use this time zone, and so do the days on the home page and in call exports."
          />
          {errors.form ? (
            <p role="alert" className="text-sm text-destructive">
              {errors.form}
            </p>
          ) : null}
          {canEdit ? (
            <div>
              <Button type="submit" disabled={update.isPending}>
                {update.isPending ? "Saving…" : "Save changes"}
              </Button>
            </div>
          ) : null}
        </form>
      </CardContent>
    </Card>
  );
}
