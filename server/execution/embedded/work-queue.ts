/** A tiny in-process queue: at most `concurrency` jobs at once, each job key queued at most once. */
export function createWorkQueue(concurrency: number, onError: (error: unknown) => void) {
  const waiting: Array<{ key: string; job: () => Promise<void> }> = [];
  const queuedKeys = new Set<string>();
  let active = 0;
  const idleResolvers: Array<() => void> = [];

  const pump = () => {
    while (active < concurrency && waiting.length > 0) {
      const { key, job } = waiting.shift()!;
      queuedKeys.delete(key);
      active += 1;
      job()
        .catch(onError)
        .finally(() => {
          active -= 1;
          pump();
          if (active === 0 && waiting.length === 0) idleResolvers.splice(0).forEach((resolve) => resolve());
        });
    }
  };

  return {
    push(key: string, job: () => Promise<void>) {
      if (queuedKeys.has(key)) return;
      queuedKeys.add(key);
      waiting.push({ key, job });
      pump();
    },
    /** Resolves when nothing is queued or running. */
    idle(): Promise<void> {
      if (active === 0 && waiting.length === 0) return Promise.resolve();
      return new Promise((resolve) => idleResolvers.push(resolve));
    },
    /** Takes effect as running jobs finish (none is interrupted). */
    setConcurrency(next: number) {
      concurrency = next;
      pump();
    },
    get size() {
      return waiting.length + active;
    },
  };
}
