type PartialOptions = Record<string, unknown>;
type CreateExecution = (opts: { partialOptions: PartialOptions }) => unknown;

/**
 * The Inngest function with one change to the options @inngest/test builds each execution from —
 * for what the test engine cannot express itself: the memoized step state and the attempt Inngest
 * would send, choosing the onFailure handler, or memoizing a failed step.
 */
export function withExecutionOptions<F extends object>(fn: F, change: (options: PartialOptions) => PartialOptions): F {
  const createExecution = (fn as unknown as { createExecution: CreateExecution }).createExecution.bind(fn);
  return new Proxy(fn, {
    get(target, property, receiver) {
      if (property !== "createExecution") return Reflect.get(target, property, receiver);
      return ((opts) => createExecution({ ...opts, partialOptions: change(opts.partialOptions) })) as CreateExecution;
    },
  });
}
