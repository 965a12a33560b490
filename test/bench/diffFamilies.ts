/**
 * The texts the diff benchmark runs on: several families (prose, code, a list, a chat transcript), generated
 * and real, in several languages and scripts, each with its edited version (5% of its words deleted, replaced
 * or inserted at random places, seeded). The real texts live in test/bench/fixtures/diff; SOURCES.md there
 * says where each comes from and under which licence.
 */
import { readFileSync } from "node:fs";
import {
  CYRILLIC,
  chatText,
  codeText,
  editWords,
  functionWordGenerator,
  HAN,
  listText,
  textGenerator,
  wordCount,
} from "./textGenerator";

export interface TextFamily {
  name: string;
  kind: "prose" | "code" | "list" | "chat";
  origin: "generated" | "real";
  /** BCP 47 language of the text (for finding its words to edit). */
  locale: string;
  draft: string;
  final: string;
}

const EDIT_RATE = 0.05;
const SIZE = 20_000;

const fixture = (file: string) => readFileSync(new URL(`fixtures/diff/${file}`, import.meta.url), "utf8");

function family(name: string, kind: TextFamily["kind"], origin: TextFamily["origin"], locale: string, draft: string) {
  const count = Math.round(wordCount(draft, locale) * EDIT_RATE);
  const final = editWords(draft, count, draft.length, locale);
  return { name, kind, origin, locale, draft, final };
}

export function textFamilies(): TextFamily[] {
  return [
    family("prose, Zipf words", "prose", "generated", "en", textGenerator(20261124).text(SIZE)),
    family("prose, 45% function words", "prose", "generated", "en", functionWordGenerator(7).text(SIZE)),
    family("prose, Cyrillic", "prose", "generated", "ru", textGenerator(11, CYRILLIC).text(SIZE)),
    family("prose, Han", "prose", "generated", "zh", textGenerator(12, HAN).text(SIZE)),
    family("TypeScript", "code", "generated", "en", codeText(13, SIZE)),
    family("task list", "list", "generated", "en", listText(14, SIZE)),
    family("chat transcript", "chat", "generated", "en", chatText(15, SIZE)),
    family("README, English", "prose", "real", "en", fixture("prose-en.md")),
    family("README, French", "prose", "real", "fr", fixture("prose-fr.md")),
    family("README, Russian", "prose", "real", "ru", fixture("prose-ru.md")),
    family("README, Hindi", "prose", "real", "hi", fixture("prose-hi.md")),
    family("README, Japanese", "prose", "real", "ja", fixture("prose-ja.md")),
    family("README, Chinese", "prose", "real", "zh", fixture("prose-zh.md")),
    family("JavaScript", "code", "real", "en", fixture("code-picomatch-parse.js.txt")),
    family("changelog list", "list", "real", "en", fixture("list-mime-db-history.md")),
    family("chat transcript", "chat", "real", "en", fixture("chat-transcript.md")),
  ];
}
