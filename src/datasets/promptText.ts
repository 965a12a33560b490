import type { PromptMessage } from "../events/types";

/**
 * A prompt as one string, for TRL's standard (non-conversational) formats: a lone message is its content; a
 * longer conversation is written as `role: content` blocks separated by a blank line. Use a conversational
 * format to keep the turns and let the tokenizer's chat template lay them out.
 */
export function promptText(prompt: readonly PromptMessage[]): string {
  if (prompt.length === 1) return (prompt[0] as PromptMessage).content;
  // Joined as it goes: no array of parts per pair.
  let text = "";
  for (let i = 0; i < prompt.length; i++) {
    const message = prompt[i] as PromptMessage;
    text += `${i > 0 ? "\n\n" : ""}${message.role}: ${message.content}`;
  }
  return text;
}
