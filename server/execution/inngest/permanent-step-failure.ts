import { NonRetriableError } from "inngest";
import { RecordedStepFailure } from "../step-error";

/** What a NonRetriableError carries of the error that ended the step. */
type CarriedError = { code?: string | number; error: { name: string; message: string } };

/**
 * Stops Inngest's retries of a step. When Inngest hands a memoised failure back (a StepError named
 * NonRetriableError), it keeps only the name, message and stack of a cause that looks like an error,
 * so the original name and code travel in a cause shaped otherwise, which Inngest hands back whole.
 */
export function nonRetriable(error: Error): NonRetriableError {
  const code = (error as { code?: unknown }).code;
  const cause: CarriedError = {
    ...(typeof code === "string" || typeof code === "number" ? { code } : {}),
    error: { name: error.name, message: error.message },
  };
  return new NonRetriableError(error.message, { cause });
}

/**
 * The error a step failed with, as Inngest hands it back, named and coded as it was thrown (a
 * PermanentStepError with its code, an SmsDeliveryError…) rather than as the NonRetriableError that
 * carried it: the run log and the run page's hints read both.
 */
export function restoredStepError(error: unknown): unknown {
  if (!(error instanceof Error) || error.name !== "NonRetriableError") return error;
  const cause = error.cause as Partial<CarriedError> | undefined;
  if (typeof cause?.error?.name !== "string") return error;
  return new RecordedStepFailure({ message: error.message, name: cause.error.name, code: cause.code });
}
