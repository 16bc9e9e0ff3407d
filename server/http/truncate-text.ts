/**
 * The first `max` UTF-16 units of `text`, one fewer when the cut would split a character in two
 * (an emoji is two units): half a character is a lone surrogate, which PostgreSQL refuses to store.
 */
export function truncateText(text: string, max: number) {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  const cutsPair = last >= 0xd800 && last <= 0xdbff;
  return text.slice(0, cutsPair ? max - 1 : max);
}
