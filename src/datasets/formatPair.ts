import type { PromptMessage } from "../events/types";
import { promptText } from "./promptText";
import type { PreferenceFormat, PreferencePair } from "./types";

const assistant = (content: string): PromptMessage => ({ role: "assistant", content });

/**
 * True for the `preferred_output` shape, under its name or its old one (`"openai"`): the format Azure OpenAI,
 * Together and Fireworks take for preference fine-tuning, as OpenAI's own (now legacy) API did.
 */
export function isPreferredOutput(format: PreferenceFormat): format is "preferred-output" | "openai" {
  return format === "preferred-output" || format === "openai";
}

/**
 * Writes one preference pair in `format`. With `implicitPrompt` (TRL formats), the prompt goes in front of both
 * answers and there is no `prompt` field; `prompt` may then be undefined.
 */
export function formatPair(
  format: PreferenceFormat,
  implicitPrompt: boolean,
  prompt: PromptMessage[] | undefined,
  chosen: string,
  rejected: string,
): PreferencePair {
  if (isPreferredOutput(format)) {
    return {
      input: { messages: prompt ?? [] },
      preferred_output: [assistant(chosen)],
      non_preferred_output: [assistant(rejected)],
    };
  }
  if (format === "trl-conversational") {
    if (implicitPrompt) {
      const turns = prompt ?? [];
      return { chosen: [...turns, assistant(chosen)], rejected: [...turns, assistant(rejected)] };
    }
    return { prompt: prompt ?? [], chosen: [assistant(chosen)], rejected: [assistant(rejected)] };
  }
  if (implicitPrompt) {
    const start = prompt && prompt.length > 0 ? `${promptText(prompt)}\n\n` : "";
    return { chosen: start + chosen, rejected: start + rejected };
  }
  return { prompt: promptText(prompt ?? []), chosen, rejected };
}
