/**
 * Seeded prose for the diff benchmarks: the same seed gives the same texts on every machine, so runs compare.
 * Words come from a fixed syllable vocabulary with a skewed (Zipf-like) frequency, as in real prose: a few
 * words ("the", "of") are everywhere, most are rare.
 */
import { seededRandom } from "../support/seededRandom";

const COMMON = ["the", "of", "and", "to", "a", "in", "is", "it", "that", "for", "on", "with", "as", "was", "be"];
const SYLLABLES = ["ka", "lo", "mer", "tin", "sa", "ve", "ru", "pol", "dan", "est", "qui", "bra", "no", "fel", "ix"];

function vocabulary(random: () => number, size: number): string[] {
  const words = [...COMMON];
  while (words.length < size) {
    const syllables = 1 + Math.floor(random() * 3);
    let word = "";
    for (let i = 0; i < syllables; i++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.push(word);
  }
  return words;
}

/** Picks index i with probability about proportional to 1 / (i + 1). */
function zipfIndex(random: () => number, size: number): number {
  return Math.min(size - 1, Math.floor(Math.exp(random() * Math.log(size + 1)) - 1));
}

/** A generator of words, sentences and paragraphs from one seed. */
export function textGenerator(seed: number) {
  const random = seededRandom(seed);
  const words = vocabulary(seededRandom(1), 3000);
  const word = () => words[zipfIndex(random, words.length)] as string;

  function sentence(): string {
    const length = 6 + Math.floor(random() * 14);
    const parts: string[] = [];
    for (let i = 0; i < length; i++) parts.push(word());
    const first = parts[0] as string;
    parts[0] = first.charAt(0).toUpperCase() + first.slice(1);
    if (length > 10) parts[Math.floor(length / 2)] += ",";
    return `${parts.join(" ")}${random() < 0.15 ? "?" : "."}`;
  }

  /** Prose of about `bytes` characters: sentences in paragraphs separated by blank lines. */
  function text(bytes: number): string {
    let out = "";
    while (out.length < bytes) {
      const sentences = 2 + Math.floor(random() * 5);
      const paragraph: string[] = [];
      for (let i = 0; i < sentences; i++) paragraph.push(sentence());
      out += (out ? "\n\n" : "") + paragraph.join(" ");
    }
    return out;
  }

  /**
   * Applies `count` word edits at random places: a third replace a word, a third delete one, a third insert
   * one. Returns the edited text.
   */
  function edit(source: string, count: number): string {
    const tokens = source.split(/(\s+)/);
    for (let n = 0; n < count; n++) {
      const at = 2 * Math.floor((random() * tokens.length) / 2);
      const kind = random();
      if (kind < 1 / 3) tokens[at] = word();
      else if (kind < 2 / 3) tokens[at] = "";
      else tokens[at] = `${tokens[at]} ${word()}`;
    }
    return tokens.join("");
  }

  /** How many words `text` has, to turn an edit rate into a count. */
  const wordCount = (source: string) => source.split(/\s+/).filter(Boolean).length;

  return { word, sentence, text, edit, wordCount };
}
