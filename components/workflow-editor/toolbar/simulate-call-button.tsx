"use client";

import { PhoneIncoming } from "lucide-react";
import dynamic from "next/dynamic";
import { useState } from "react";
import type { EventType } from "@/engine";
import { Button, type ButtonProps } from "@/components/ui/button";

const loadDialog = () => import("@/components/workflows/simulate-call-dialog");

const SimulateCallDialog = dynamic(() => loadDialog().then((module) => module.SimulateCallDialog), {
  loading: () => <SimulateCallTrigger disabled />,
});

function SimulateCallTrigger(props: ButtonProps) {
  return (
    <Button variant="secondary" size="sm" aria-label="Simulate a call" title="Simulate a call" {...props}>
      {/* Icon-only below 2xl so the header never squeezes the workflow's name. */}
      <PhoneIncoming aria-hidden /> <span className="hidden @min-[90rem]:inline">Simulate a call</span>
    </Button>
  );
}

/**
 * The editor's "Simulate a call" button. The dialog (its form and select menus) is not needed to draw
 * the editor, so its code loads when the pointer comes near the button and it opens on the first click.
 */
export function SimulateCallButton({ eventType }: { eventType: EventType | null }) {
  const [clicked, setClicked] = useState(false);
  if (!clicked) {
    return (
      <SimulateCallTrigger onPointerEnter={() => void loadDialog()} onFocus={() => void loadDialog()} onClick={() => setClicked(true)} />
    );
  }
  return <SimulateCallDialog defaultType={eventType ?? undefined} defaultOpen trigger={<SimulateCallTrigger />} />;
}
