import { isPermanentError } from "./permanent-error";

export type StoredStepError = { message: string; name?: string; code?: string | number; permanent?: boolean; details?: unknown };

/** The JSON kept in run_steps for a failed step: plain words first, technical detail beside. */
export function toStoredStepError(error: unknown): StoredStepError {
  if (error instanceof Error) {
    const { code, details } = error as { code?: unknown; details?: unknown };
    return {
      message: error.message,
      name: error.name,
      ...(typeof code === "string" || typeof code === "number" ? { code } : {}),
      ...(details !== undefined ? { details } : {}),
      permanent: isPermanentError(error),
    };
  }
  return { message: String(error), name: "Error" };
}

/** Rebuilds a recorded failure so a resumed run fails the same node the same way, without running it. */
export class RecordedStepFailure extends Error {
  readonly permanent = true;
  readonly code?: string | number;
  constructor(stored: StoredStepError) {
    super(stored.message);
    this.name = stored.name ?? "Error";
    this.code = stored.code;
  }
}
