/**
 * The one rule of a call's life, for Twilio and CallRail alike: a call moves forward through
 * these stages, each giving one event. A callback for a stage behind the furthest one the call
 * reached arrived out of order — it would move the call backwards — and is ignored. A completed
 * call (and CallRail's modifications, which follow completion) is never behind.
 */
export const callStages = ["started", "routed", "completed"] as const;
export type CallStage = (typeof callStages)[number];

const rank = (stage: CallStage) => callStages.indexOf(stage);

/** True when `stage` is behind `furthest`, the furthest stage the call has reached (none yet: nothing is behind). */
export function isBehind(stage: CallStage, furthest: CallStage | undefined): boolean {
  return furthest !== undefined && rank(stage) < rank(furthest);
}

/** The furthest of some stages a call went through. */
export function furthestStage(stages: Iterable<CallStage>): CallStage | undefined {
  let furthest: CallStage | undefined;
  for (const stage of stages) if (furthest === undefined || rank(stage) > rank(furthest)) furthest = stage;
  return furthest;
}

/** How far a stored call got, from its row: ended, past ringing (routed or in progress), or just started. */
export function stageOfStoredCall(call: { endedAt: Date | null; status: string | null }): CallStage {
  if (call.endedAt) return "completed";
  return call.status && call.status !== "ringing" ? "routed" : "started";
}
