/**
 * How Inngest shares its workers between organizations. Keys are CEL over the triggering event:
 * every switchboard event carries `organizationId` and `smsSender` (server/execution/inngest/inngest-events.ts).
 *
 * - Concurrency per organization: one customer's burst (a campaign, a CallRail backfill) queues
 *   behind its own limit instead of delaying everyone's runs. Twenty steps at once is far more than
 *   one organization's normal traffic needs, and a fraction of a typical Inngest plan's total.
 * - Throttle per sending number: Twilio sends about one message a second from a long-code number and
 *   queues (then drops) the excess, so runs that text from the same number start at that pace, with a
 *   small burst for the usual case of a few calls at once. The sending number is the tracking number
 *   the caller dialled (what send_sms texts from); an event without one throttles per organization,
 *   whose default sender then sends. Inngest throttles whole runs, not single steps, so runs without a
 *   text share the pace of their number too: at one run a second per number that costs little.
 */
export const runWorkflowFairness = {
  concurrency: { key: "event.data.organizationId", limit: 20 },
  throttle: { key: "event.data.smsSender", limit: 1, period: "1s" as const, burst: 5 },
};

/** Fan-out is one short query per event: fewer at once per organization, so a flood from one cannot take every worker. */
export const fanOutFairness = {
  concurrency: { key: "event.data.organizationId", limit: 10 },
};
