/** A server's sentence ("That run was not found.") set inside one of ours, without its final stop. */
export function asClause(message: string): string {
  return message.trim().replace(/[.!]+$/, "");
}
