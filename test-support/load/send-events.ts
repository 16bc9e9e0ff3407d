import { callCompletedEventBody } from "./seed-api-organization";

export type EventAnswer = { id: string; status: number; retryAfter: string | null; at: number };

/**
 * POSTs one call.completed event per id to /api/v1/events, `concurrency` at a time, as an API
 * client would: `baseUrl(id)` picks the server (a load balancer), every answer is kept, and a
 * network failure (a killed server) counts as status 0. `stop()` ends the load early.
 */
export function sendEvents(options: {
  ids: string[];
  apiKey: string;
  baseUrl: (id: string) => string;
  concurrency: number;
  onAnswer?: (answer: EventAnswer) => void;
  /** Pause between two requests of one connection (a steady load rather than a flood). */
  pauseMs?: number;
}) {
  const answers: EventAnswer[] = [];
  const queue = [...options.ids];
  let stopped = false;
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined && !stopped; id = queue.shift()) {
      const answer: EventAnswer = await fetch(`${options.baseUrl(id)}/api/v1/events`, {
        method: "POST",
        headers: { authorization: `Bearer ${options.apiKey}`, "content-type": "application/json" },
        body: callCompletedEventBody(id),
        signal: AbortSignal.timeout(15_000),
      })
        .then(async (response) => {
          await response.arrayBuffer();
          return { id, status: response.status, retryAfter: response.headers.get("retry-after"), at: Date.now() };
        })
        .catch(() => ({ id, status: 0, retryAfter: null, at: Date.now() }));
      answers.push(answer);
      options.onAnswer?.(answer);
      if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
    }
  };
  const done = Promise.all(Array.from({ length: options.concurrency }, worker)).then(() => answers);
  return {
    done,
    answers,
    stop() {
      stopped = true;
    },
    accepted: () => answers.filter((answer) => answer.status === 202).map((answer) => answer.id),
  };
}
