import type { Database } from "@/db/client";
import { createGroupCommit } from "@/db/group-commit";
import { recordEvents, type EventToRecord, type RecordedEvent } from "./record-events";

const recorders = new WeakMap<Database, (events: EventToRecord[]) => Promise<RecordedEvent[]>>();

/**
 * Ingest's writer: the events of concurrent requests are stored by one statement (group commit).
 * Each request's events stay together in that statement, so a request is still all or nothing.
 */
export function batchedEventRecorder(db: Database) {
  let record = recorders.get(db);
  if (!record) {
    const commit = createGroupCommit(
      async (requests: EventToRecord[][]) => {
        const recorded = await recordEvents(db, requests.flat());
        let offset = 0;
        return requests.map((request) => recorded.slice(offset, (offset += request.length)));
      },
      // At most 50 × 100 events: well under PostgreSQL's 65,535 parameters per statement.
      { maxBatch: 50, maxInFlight: 2 },
    );
    record = (events) => commit.add(events);
    recorders.set(db, record);
  }
  return record;
}
