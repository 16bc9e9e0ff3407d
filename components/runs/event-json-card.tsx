"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { JsonView } from "@/components/ui/json-view";

/** The event that started the run, exactly as stored, ready to copy into a bug report or a test. */
export function EventJsonCard({ payload, receivedAt, source }: { payload: unknown; receivedAt: Date; source: string }) {
  const [copied, setCopied] = useState(false);
  const json = JSON.stringify(payload, null, 2);
  async function copy() {
    try {
      await navigator.clipboard.writeText(json);
      setCopied(true);
      setTimeout(() => setCopied(false), 2_000);
    } catch {
      toast.error("Your browser did not allow copying. Select the text and copy it instead.");
    }
  }
  return (
    <Card>
      <CardHeader className="flex flex-row items-center justify-between gap-2">
        <div>
          <CardTitle>Triggering event</CardTitle>
          <p className="mt-1 text-xs text-muted-foreground">
            Received {receivedAt.toLocaleString()} from {source === "simulator" ? "Simulate a call" : source}
          </p>
        </div>
        <Button variant="secondary" size="sm" onClick={() => void copy()} aria-label="Copy the event JSON">
          {copied ? <Check aria-hidden /> : <Copy aria-hidden />} {copied ? "Copied" : "Copy JSON"}
        </Button>
      </CardHeader>
      <CardContent>
        <JsonView value={payload} label="Triggering event JSON" className="max-h-96" />
      </CardContent>
    </Card>
  );
}
