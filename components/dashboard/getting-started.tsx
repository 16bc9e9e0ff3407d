import { Activity, PhoneCall, Workflow } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

const steps = [
  {
    icon: Workflow,
    title: "Build a workflow",
    text: "Start from a template such as “Missed call → text the caller back”.",
    href: "/workflows",
    cta: "Open workflows",
  },
  {
    icon: PhoneCall,
    title: "Simulate a call",
    text: "Fire a test call to see your workflow run, with no phone needed.",
    href: "/workflows",
    cta: "Try it",
  },
  {
    icon: Activity,
    title: "Watch it run",
    text: "Every run is logged step by step, with what was sent and why.",
    href: "/runs",
    cta: "See runs",
  },
];

/** Shown until the workspace has any traffic: three steps from nothing to a first run. */
export function GettingStarted() {
  return (
    <div className="grid gap-4 md:grid-cols-3">
      {steps.map(({ icon: Icon, title, text, href, cta }, index) => (
        <Card key={title}>
          <CardHeader>
            <div className="mb-2 flex items-center gap-2 text-xs font-medium text-muted-foreground">
              <span className="flex size-6 items-center justify-center rounded-full bg-accent text-accent-foreground">{index + 1}</span>
              Step {index + 1}
            </div>
            <CardTitle className="flex items-center gap-2">
              <Icon className="size-4 text-primary" aria-hidden /> {title}
            </CardTitle>
            <CardDescription>{text}</CardDescription>
          </CardHeader>
          <CardContent>
            <Button asChild variant="secondary" size="sm">
              <Link href={href}>{cta}</Link>
            </Button>
          </CardContent>
        </Card>
      ))}
    </div>
  );
}
