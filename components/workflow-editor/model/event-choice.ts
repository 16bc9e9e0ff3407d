import { sampleEvent, workflowEventSchema, type EventType } from "@/engine";

/** What the user picked to test with, before it is sent to the server. */
export type EventChoice = { source: "sample"; json: string } | { source: "recent"; eventId: string | null };

export function sampleJson(eventType: EventType): string {
  return JSON.stringify(sampleEvent(eventType), null, 2);
}

export type SampleCheck = { ok: true; payload: unknown } | { ok: false; problems: string[] };

/** The edited sample, checked as the server will check it, with each problem naming its field. */
export function checkSampleJson(json: string): SampleCheck {
  let payload: unknown;
  try {
    payload = JSON.parse(json);
  } catch (error) {
    return { ok: false, problems: [`This is not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const parsed = workflowEventSchema.safeParse(payload);
  if (parsed.success) return { ok: true, payload };
  return {
    ok: false,
    problems: parsed.error.issues
      .slice(0, 8)
      .map((issue) => (issue.path.length > 0 ? `${issue.path.map(String).join(".")}: ${issue.message}` : issue.message)),
  };
}

/** The choice as the `event` input of the test procedures, or null while it cannot be sent. */
export function eventInputOf(choice: EventChoice): { source: "sample"; payload: unknown } | { source: "recent"; eventId: string } | null {
  if (choice.source === "recent") return choice.eventId ? { source: "recent", eventId: choice.eventId } : null;
  const checked = checkSampleJson(choice.json);
  return checked.ok ? { source: "sample", payload: checked.payload } : null;
}
