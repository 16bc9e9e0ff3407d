import { customAlphabet } from "nanoid";

const alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
const random = customAlphabet(alphabet, 20);

/** Prefixed ids (`org_…`, `usr_…`) read well in logs, URLs and support tickets. */
export function newId(prefix: string): string {
  return `${prefix}_${random()}`;
}
