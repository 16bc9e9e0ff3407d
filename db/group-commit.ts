/**
 * Group commit: concurrent callers each await their own write, but the writes that queue up
 * while a statement is in flight go to the database together, as one statement. Under load this
 * turns hundreds of round trips into a handful without delaying a lone caller (an idle writer
 * flushes on the next microtask).
 *
 * `write` receives the pending items in arrival order and returns one result per item. If a batch
 * fails, each of its items is retried alone, so one bad item cannot fail its neighbours.
 */
export function createGroupCommit<Item, Result>(
  write: (items: Item[]) => Promise<Result[]>,
  options: { maxBatch?: number; maxInFlight?: number } = {},
) {
  const maxBatch = options.maxBatch ?? 500;
  const maxInFlight = options.maxInFlight ?? 1;
  type Pending = { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void };
  const pending: Pending[] = [];
  let inFlight = 0;
  let scheduled = false;

  async function settle(batch: Pending[]) {
    try {
      const results = await write(batch.map((entry) => entry.item));
      batch.forEach((entry, index) => entry.resolve(results[index]!));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      for (const entry of batch) {
        await write([entry.item]).then(
          (results) => entry.resolve(results[0]!),
          (itemError: unknown) => entry.reject(itemError),
        );
      }
    }
  }

  function pump() {
    scheduled = false;
    while (inFlight < maxInFlight && pending.length > 0) {
      const batch = pending.splice(0, maxBatch);
      inFlight += 1;
      void settle(batch).finally(() => {
        inFlight -= 1;
        pump();
      });
    }
  }

  return {
    add(item: Item): Promise<Result> {
      return new Promise<Result>((resolve, reject) => {
        pending.push({ item, resolve, reject });
        // Let everything queued in this tick join the batch.
        if (!scheduled && inFlight < maxInFlight) {
          scheduled = true;
          queueMicrotask(pump);
        }
      });
    },
  };
}
