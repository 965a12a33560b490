/** Cuts a comment to `max` UTF-16 units (what `maxLength` counts) without splitting a surrogate pair. */
export function cutComment(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  const splitsPair = last >= 0xd800 && last <= 0xdbff;
  return text.slice(0, splitsPair ? max - 1 : max);
}
