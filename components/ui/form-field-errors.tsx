import type { z } from "zod";

export type FieldErrors<Field extends string> = Partial<Record<Field | "form", string>>;

type TRPCLikeError = {
  message: string;
  data?: { zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null } | null;
};

/** The first reason zod gives for each field (a form checks its input with the server's schema before sending). */
export function zodFieldErrors<Field extends string>(error: z.ZodError): FieldErrors<Field> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : "form";
    errors[field] ??= issue.message;
  }
  return errors as FieldErrors<Field>;
}

/**
 * The server's reasons next to the fields they are about — never a toast reading "name: …" — and
 * anything that is not about one field (`form`) above the buttons.
 */
export function serverFieldErrors<Field extends string>(error: TRPCLikeError, fields: readonly Field[]): FieldErrors<Field> {
  const byField = error.data?.zodError?.fieldErrors;
  const errors: Record<string, string> = {};
  for (const [field, messages] of Object.entries(byField ?? {})) {
    if (messages?.[0]) errors[(fields as readonly string[]).includes(field) ? field : "form"] ??= messages[0];
  }
  if (Object.keys(errors).length === 0) errors.form = error.message;
  return errors as FieldErrors<Field>;
}

/** A field's error under it, announced when it appears; point the field's aria-describedby at `id`. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="text-xs text-destructive" data-testid="field-error">
      {message}
    </p>
  );
}
