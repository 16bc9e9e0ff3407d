/** The most calls one batched /api/trpc request may carry: the client batches no more, the server refuses more (400). */
export const MAX_TRPC_BATCH_SIZE = 50;
