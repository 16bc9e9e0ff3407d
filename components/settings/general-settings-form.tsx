"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

export function GeneralSettingsForm({ organization, canEdit }: { organization: { name: string; timezone: string }; canEdit: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState(organization.name);
  const [timezone, setTimezone] = useState(organization.timezone);
  const timezones = useMemo(() => Intl.supportedValuesOf("timeZone"), []);
  const update = useMutation(
    trpc.organization.update.mutationOptions({
      onSuccess: () => {
        toast.success("Settings saved");
        router.refresh();
      },
    }),
  );

  return (
    <Card className="max-w-2xl">
      <CardHeader>
        <CardTitle>Organization</CardTitle>
        <CardDescription>
          The time zone decides what “business hours” means in your workflows.
          {canEdit ? null : " Only admins and owners can change these settings."}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form
          className="grid gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            update.mutate({ name, timezone });
          }}
        >
          <div className="grid gap-1.5">
            <Label htmlFor="org-name-setting">Name</Label>
            <Input id="org-name-setting" value={name} onChange={(event) => setName(event.target.value)} disabled={!canEdit} />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="org-timezone">Time zone</Label>
            <Select value={timezone} onValueChange={setTimezone} disabled={!canEdit}>
              <SelectTrigger id="org-timezone">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {timezones.map((zone) => (
                  <SelectItem key={zone} value={zone}>
                    {zone.replaceAll("_", " ")}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
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
