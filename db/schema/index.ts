export * from "./auth";
export * from "./organizations";
export * from "./outbox";
export * from "./workflows";
export * from "./events";
export * from "./runs";
export * from "./api-keys";
export * from "./tracking-numbers";
