"use client";

import { useId, useState } from "react";
import type { StepAttempt, StepAttemptDelivery } from "@/db/schema";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { JsonView, ScrollableText } from "@/components/ui/json-view";
import { formatDurationMs } from "@/components/ui/relative-time";
import { afterAttempt, attemptOutcomes } from "./attempt-words";
import { clockTime } from "./clock-time";

function DeliveryLine({ delivery }: { delivery: StepAttemptDelivery }) {
  const { response, error } = delivery;
  const ok = response !== undefined && response.status >= 200 && response.status < 300;
  return (
    <li className="grid gap-0.5 text-xs" data-testid="attempt-delivery">
      <span className="break-all font-mono text-muted-foreground">{delivery.url}</span>
      {response ? (
        <span className="flex flex-wrap items-center gap-x-1.5">
          {"Answered "}
          <Badge tone={ok ? "success" : "danger"} data-testid="attempt-status">
            {response.status}
          </Badge>
          <span className="text-muted-foreground">in {formatDurationMs(response.durationMs)}</span>
        </span>
      ) : error ? (
        <span className="font-medium text-destructive" data-testid="attempt-error" data-kind={error.kind}>
          {error.message}
        </span>
      ) : null}
    </li>
  );
}

/** A text's or email's attempt in a line: to whom, and what the provider said. */
function summaryOf(attempt: StepAttempt): string | null {
  const to = attempt.request?.to;
  const recipients = Array.isArray(to) ? to.join(", ") : typeof to === "string" ? to : null;
  const { status, providerMessageId } = attempt.response ?? {};
  const parts = [
    recipients ? `To ${recipients}` : null,
    typeof status === "string" ? status : null,
    typeof providerMessageId === "string" ? providerMessageId : null,
  ];
  const line = parts.filter(Boolean).join(" · ");
  return line || null;
}

function AttemptDetails({ attempt }: { attempt: StepAttempt }) {
  const deliveries = attempt.deliveries ?? [];
  if (deliveries.length === 0 && !attempt.request && !attempt.response) return null;
  return (
    <details className="text-xs">
      <summary className="cursor-pointer font-medium text-muted-foreground">Request and response</summary>
      <div className="grid grid-cols-1 gap-2 pt-1.5">
        {deliveries.map((delivery) => (
          <div key={delivery.url} className="grid grid-cols-1 gap-1">
            <p className="break-all font-mono">
              <span className="font-semibold">{delivery.request.method}</span> {delivery.url}
            </p>
            <p className="text-muted-foreground">Request headers</p>
            <JsonView value={delivery.request.headers} label="Request headers" className="max-h-40 text-[11px]" />
            {delivery.response ? (
              <>
                <p className="text-muted-foreground">Response headers</p>
                <JsonView value={delivery.response.headers} label="Response headers" className="max-h-40 text-[11px]" />
                <p className="text-muted-foreground">Response body{delivery.response.truncated ? " (the first 8 KB)" : ""}</p>
                <ScrollableText label="Response body" className="max-h-40 whitespace-pre-wrap break-all p-2 text-[11px]">
                  {delivery.response.body || "(empty body)"}
                </ScrollableText>
              </>
            ) : null}
          </div>
        ))}
        {deliveries.length === 0 ? (
          <JsonView value={{ request: attempt.request, response: attempt.response }} label="Request and response" className="text-[11px]" />
        ) : null}
      </div>
    </details>
  );
}

function AttemptItem({ attempt, next }: { attempt: StepAttempt; next: StepAttempt | undefined }) {
  const outcome = attemptOutcomes[attempt.outcome];
  const summary = summaryOf(attempt);
  const after = afterAttempt(attempt, next);
  const deliveries = attempt.deliveries ?? [];
  return (
    <li
      className="grid grid-cols-1 gap-1.5 rounded-md border p-2.5"
      data-testid="step-attempt"
      data-attempt={attempt.attempt}
      data-outcome={attempt.outcome}
    >
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
        <span className="font-medium">Attempt {attempt.attempt}</span>
        <Badge tone={outcome.tone}>{outcome.label}</Badge>
        <span className="text-xs tabular-nums text-muted-foreground">
          {clockTime(attempt.startedAt)}
          {attempt.durationMs !== null ? ` · took ${formatDurationMs(attempt.durationMs)}` : ""}
        </span>
      </p>
      {deliveries.length > 0 ? (
        <ul className="grid gap-1.5">
          {deliveries.map((delivery) => (
            <DeliveryLine key={delivery.url} delivery={delivery} />
          ))}
        </ul>
      ) : null}
      {summary ? <p className="break-all text-xs text-muted-foreground">{summary}</p> : null}
      {attempt.error && deliveries.length === 0 ? (
        <p className="text-xs font-medium text-destructive" data-testid="attempt-error">
          {attempt.error.message}
        </p>
      ) : null}
      {after ? (
        <p className="text-xs text-muted-foreground" data-testid="attempt-next">
          {after}
        </p>
      ) : null}
      <AttemptDetails attempt={attempt} />
    </li>
  );
}

/** Every try of an action, newest last; only the last shows until the reader asks for the others. */
export function StepAttempts({ attempts }: { attempts: StepAttempt[] }) {
  const [showAll, setShowAll] = useState(false);
  const listId = useId();
  if (attempts.length === 0) return null;
  const shown = showAll ? attempts : attempts.slice(-1);
  return (
    <section className="grid gap-2" aria-label="Attempts" data-testid="step-attempts">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-xs font-medium text-muted-foreground">{attempts.length === 1 ? "1 attempt" : `${attempts.length} attempts`}</h3>
        {attempts.length > 1 ? (
          <Button variant="ghost" size="sm" aria-expanded={showAll} aria-controls={listId} onClick={() => setShowAll((value) => !value)}>
            {showAll ? "Show the last attempt only" : `Show all ${attempts.length} attempts`}
          </Button>
        ) : null}
      </div>
      <ol id={listId} className="grid gap-2">
        {shown.map((attempt) => (
          <AttemptItem key={attempt.attempt} attempt={attempt} next={attempts.find((other) => other.attempt === attempt.attempt + 1)} />
        ))}
      </ol>
    </section>
  );
}
