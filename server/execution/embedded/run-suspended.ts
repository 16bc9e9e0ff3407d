/** Thrown through the walker when a run reaches a delay that has not ended: the run is parked until `wakeAt`. */
export class RunSuspended extends Error {
  constructor(readonly wakeAt: Date) {
    super(`Run waits until ${wakeAt.toISOString()}`);
    this.name = "RunSuspended";
  }
}
