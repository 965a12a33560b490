/**
 * Seeded texts for the diff benchmarks: the same seed gives the same texts on every machine, so runs compare.
 * Several generators, so the benchmark measures more than one kind of text: prose whose words follow a skewed
 * (Zipf-like) frequency, as real prose does, in Latin, Cyrillic or Han script; prose where common function
 * words are 45% of the text and the rest comes evenly from a 2,500-word vocabulary; TypeScript code; a task
 * list; a chat transcript. `editWords` makes the edited version of any of them, or of a real text.
 */
import { seededRandom } from "../support/seededRandom";

/** A script to write generated prose in: words from syllables, and how sentences are joined and ended. */
export interface Script {
  common: readonly string[];
  syllables: readonly string[];
  /** Between two words: a space, or nothing for Han. */
  space: string;
  comma: string;
  stops: readonly [string, string];
  /** Between two sentences of a paragraph. */
  join: string;
}

/** A script whose words are separated by spaces and whose sentences end as in English. */
const spacedScript = (common: string[], syllables: string[]): Script => ({
  common,
  syllables,
  space: " ",
  comma: ",",
  stops: [".", "?"],
  join: " ",
});

export const LATIN = spacedScript(
  ["the", "of", "and", "to", "a", "in", "is", "it", "that", "for", "on", "with", "as", "was", "be"],
  ["ka", "lo", "mer", "tin", "sa", "ve", "ru", "pol", "dan", "est", "qui", "bra", "no", "fel", "ix"],
);

export const CYRILLIC = spacedScript(
  ["и", "в", "не", "на", "что", "с", "как", "это", "по", "но", "из", "у", "за", "от", "же"],
  ["ка", "ло", "мер", "тин", "са", "вё", "ру", "пол", "дан", "ест", "щи", "бра", "но", "фель", "ых"],
);

export const HAN: Script = {
  common: ["的", "是", "在", "了", "不", "和", "有", "我", "这", "人"],
  syllables: ["山", "水", "风", "时", "学", "生", "国", "家", "天", "地", "中", "大", "心", "文", "长"],
  space: "",
  comma: "，",
  stops: ["。", "？"],
  join: "",
};

function vocabulary(random: () => number, script: Script, size: number): string[] {
  const words = [...script.common];
  while (words.length < size) {
    const syllables = 1 + Math.floor(random() * 3);
    let word = "";
    for (let i = 0; i < syllables; i++) word += script.syllables[Math.floor(random() * script.syllables.length)];
    words.push(word);
  }
  return words;
}

/** Picks index i with probability about proportional to 1 / (i + 1). */
function zipfIndex(random: () => number, size: number): number {
  return Math.min(size - 1, Math.floor(Math.exp(random() * Math.log(size + 1)) - 1));
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** Sentences in paragraphs from a source of words: the shape every prose generator here shares. */
function proseWriter(random: () => number, word: () => string, script: Script) {
  function sentence(): string {
    const length = 6 + Math.floor(random() * 14);
    const parts: string[] = [];
    for (let i = 0; i < length; i++) parts.push(word());
    const first = parts[0] as string;
    parts[0] = first.charAt(0).toUpperCase() + first.slice(1);
    if (length > 10) parts[Math.floor(length / 2)] += script.comma;
    return `${parts.join(script.space)}${random() < 0.15 ? script.stops[1] : script.stops[0]}`;
  }

  /** Prose of about `chars` characters: sentences in paragraphs separated by blank lines. */
  function text(chars: number): string {
    let out = "";
    while (out.length < chars) {
      const sentences = 2 + Math.floor(random() * 5);
      const paragraph: string[] = [];
      for (let i = 0; i < sentences; i++) paragraph.push(sentence());
      out += (out ? "\n\n" : "") + paragraph.join(script.join);
    }
    return out;
  }

  return { sentence, text };
}

/** Prose from one seed, in Latin script unless told: a few words are everywhere, most are rare. */
export function textGenerator(seed: number, script: Script = LATIN) {
  const random = seededRandom(seed);
  const words = vocabulary(seededRandom(1), script, 3000);
  const word = () => words[zipfIndex(random, words.length)] as string;
  return { word, ...proseWriter(random, word, script) };
}

const FUNCTION_WORDS = (
  "the of and to a in is it that for on with as was be by at this from or an are not but have had his her they " +
  "you we he she which their there been were one all would will can if more when so no what some up out into than"
).split(" ");

/**
 * Prose where 45% of the words are common function words and the rest come evenly from a 2,500-word
 * vocabulary: flatter than Zipf, so fewer words are unique in a long text and the diff finds fewer anchors.
 */
export function functionWordGenerator(seed: number) {
  const random = seededRandom(seed);
  const letters = "abcdefghijklmnopqrstuvwxyz";
  const words: string[] = [];
  const vocabularyRandom = seededRandom(2);
  while (words.length < 2500) {
    let word = "";
    const length = 3 + Math.floor(vocabularyRandom() * 8);
    for (let i = 0; i < length; i++) word += letters[Math.floor(vocabularyRandom() * letters.length)];
    words.push(word);
  }
  const word = () => (random() < 0.45 ? pick(random, FUNCTION_WORDS) : pick(random, words));
  return { word, ...proseWriter(random, word, LATIN) };
}

/** TypeScript source of about `chars` characters: small typed functions with loops, calls and conditions. */
export function codeText(seed: number, chars: number): string {
  const random = seededRandom(seed);
  const { word } = textGenerator(seed + 1);
  const camel = (parts: number) => {
    let name = word();
    for (let i = 1; i < parts; i++) {
      const next = word();
      name += next.charAt(0).toUpperCase() + next.slice(1);
    }
    return name;
  };
  const type = () => pick(random, ["number", "string", "boolean", "Item[]", "Map<string, number>", "Options"]);
  const statement = (indent: string): string => {
    const kind = random();
    if (kind < 0.35)
      return `${indent}const ${camel(2)} = ${camel(1)}.${camel(2)}(${camel(1)}, ${Math.floor(random() * 100)});`;
    if (kind < 0.55) return `${indent}if (${camel(1)} > ${camel(2)}.length) return ${camel(1)};`;
    if (kind < 0.7) return `${indent}${camel(2)} += ${camel(1)} * ${Math.floor(random() * 10)};`;
    if (kind < 0.85) {
      const item = camel(1);
      return `${indent}for (const ${item} of ${camel(2)}) {\n${indent}  ${camel(2)}.push(${item}.${camel(1)});\n${indent}}`;
    }
    return `${indent}// ${proseWriter(random, word, LATIN).sentence()}`;
  };
  let out = "";
  while (out.length < chars) {
    const parameters = Array.from({ length: 1 + Math.floor(random() * 3) }, () => `${camel(1)}: ${type()}`);
    const body = Array.from({ length: 2 + Math.floor(random() * 7) }, () => statement("  "));
    out += `export function ${camel(3)}(${parameters.join(", ")}): ${type()} {\n${body.join("\n")}\n  return ${camel(2)};\n}\n\n`;
  }
  return out;
}

/** A Markdown task list of about `chars` characters: done or open items with quantities, owners and dates. */
export function listText(seed: number, chars: number): string {
  const random = seededRandom(seed);
  const { word } = textGenerator(seed + 1);
  let out = "";
  let day = 1;
  while (out.length < chars) {
    const done = random() < 0.4 ? "x" : " ";
    const words = Array.from({ length: 2 + Math.floor(random() * 6) }, word).join(" ");
    day = (day % 28) + 1;
    out += `- [${done}] ${1 + Math.floor(random() * 12)} × ${words} (@${word()}, due 2026-0${1 + Math.floor(random() * 9)}-${String(day).padStart(2, "0")})\n`;
  }
  return out;
}

/** A chat transcript of about `chars` characters: user questions, longer assistant answers with lists. */
export function chatText(seed: number, chars: number): string {
  const random = seededRandom(seed);
  const { sentence } = textGenerator(seed + 1);
  const sentences = (count: number) => Array.from({ length: count }, sentence).join(" ");
  let out = "";
  while (out.length < chars) {
    out += `**User:** ${sentences(1 + Math.floor(random() * 3))}\n\n**Assistant:** ${sentences(2 + Math.floor(random() * 4))}\n\n`;
    if (random() < 0.5) {
      for (let i = 1 + Math.floor(random() * 4); i > 0; i--) out += `- ${sentence()}\n`;
      out += `\n${sentences(1 + Math.floor(random() * 2))}\n\n`;
    }
  }
  return out;
}

/**
 * The word segments of `text` for `locale`, a line at a time: Node's `Intl.Segmenter` copies the whole input
 * into every segment it returns, which on a long text runs out of memory.
 */
function segmentWords(text: string, locale: string): { segment: string; isWord: boolean }[] {
  const segmenter = new Intl.Segmenter(locale, { granularity: "word" });
  return text
    .split(/(?<=\n)/)
    .flatMap((line) =>
      [...segmenter.segment(line)].map(({ segment, isWordLike }) => ({ segment, isWord: !!isWordLike })),
    );
}

/**
 * Edits `count` words of `text` at random places: a third are deleted, a third replaced by another word of
 * the same text, a third get another word inserted after them. Words are found with `Intl.Segmenter` for the
 * text's `locale`, so this works on Chinese and Japanese too (no spaces between words there).
 */
export function editWords(text: string, count: number, seed: number, locale = "en"): string {
  const random = seededRandom(seed);
  const segments = segmentWords(text, locale);
  const parts = segments.map((segment) => segment.segment);
  const wordAt = segments.flatMap((segment, index) => (segment.isWord ? [index] : []));
  const space = /^(ja|zh)/.test(locale) ? "" : " ";
  for (let n = 0; n < count && wordAt.length > 0; n++) {
    const at = pick(random, wordAt);
    const other = segments[pick(random, wordAt)]?.segment as string;
    const kind = random();
    if (kind < 1 / 3) parts[at] = "";
    else if (kind < 2 / 3) parts[at] = other;
    else parts[at] = `${parts[at]}${space}${other}`;
  }
  return parts.join("");
}

/** How many words `text` has for `Intl.Segmenter`, to turn an edit rate into a count. */
export function wordCount(text: string, locale = "en"): number {
  return segmentWords(text, locale).filter((segment) => segment.isWord).length;
}
