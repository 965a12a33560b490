import fc from "fast-check";
import { commonPrefixLength, commonSuffixLength } from "../../src/diff/commonEnds";
import { diffWords } from "../../src/diff/diffWords";
import { editStats } from "../../src/diff/editStats";
import { countWords } from "../../src/diff/tokenize";
import type { DiffOp } from "../../src/events/types";

const side = (diff: DiffOp[], skip: -1 | 1) =>
  diff
    .filter(([op]) => op !== skip)
    .map(([, text]) => text)
    .join("");

const PIECES = [
  "the",
  "cat",
  "sat",
  "mat",
  "a",
  " ",
  " ",
  " ",
  "  ",
  "\t",
  "\r\n",
  "\n\n",
  ".",
  ",",
  "'",
  "don't",
  "é",
  "e\u0301",
  "\u0301",
  "👍",
  "👍🏽",
  "👨‍👩‍👧",
  "🇫🇷",
  "漢",
  "字",
  "の",
  "שלום",
  "مرحبا",
  "\u200f",
  "\ud800",
  "\udc00",
  "aaaaaaaaaaaa",
];
const pieces = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(""));
const anyText = fc.oneof(
  pieces,
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 80 }),
  fc.string({ unit: fc.constantFrom("a", " ", "b"), maxLength: 200 }),
  fc.constant(""),
);
/** A draft and a final made from it by a few splices: the realistic, mostly similar case. */
const editedPair = fc
  .tuple(pieces, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 8 }), pieces), { maxLength: 5 }))
  .map(([draft, edits]) => {
    let final = draft;
    for (const [at, remove, insert] of edits) {
      const start = final.length === 0 ? 0 : at % final.length;
      final = final.slice(0, start) + insert + final.slice(start + remove);
    }
    return [draft, final] as const;
  });
const pairs = fc.oneof(fc.tuple(anyText, anyText), editedPair);

/**
 * Text like the benchmark's function-word family: 45% common function words, the rest from a larger
 * vocabulary, and a final made by deleting, replacing or inserting words at random places. Few words are
 * unique in such text, the case where anchoring the diff on unique words can go wrong.
 */
const FUNCTION_WORDS = [
  "the",
  "of",
  "and",
  "to",
  "a",
  "in",
  "is",
  "it",
  "that",
  "for",
  "on",
  "with",
  "as",
  "was",
  "be",
];
const VOCABULARY = Array.from({ length: 200 }, (_, i) => `w${i.toString(36)}x`);
const familyWord = fc.oneof(
  { weight: 45, arbitrary: fc.constantFrom(...FUNCTION_WORDS) },
  { weight: 55, arbitrary: fc.constantFrom(...VOCABULARY) },
);
const WORD_EDIT_KINDS = ["delete", "replace", "insert"] as const;
const functionWordPair = fc
  .tuple(
    fc.array(familyWord, { minLength: 1, maxLength: 600, size: "max" }),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(...WORD_EDIT_KINDS), familyWord), { maxLength: 30, size: "max" }),
    // Whitespace only: with punctuation between words, a diff as short in tokens can change more words.
    fc.constantFrom(" ", "\n", "  "),
  )
  .map(([words, edits, separator]) => {
    const edited = [...words];
    // Words the edits remove plus words they add: a diff never needs to change more.
    let changedWords = 0;
    for (const [at, kind, word] of edits) {
      const index = at % (edited.length + 1);
      if (kind === "insert") {
        edited.splice(index, 0, word);
        changedWords += 1;
      } else if (index < edited.length && kind === "delete") {
        edited.splice(index, 1);
        changedWords += 1;
      } else if (index < edited.length) {
        edited[index] = word;
        changedWords += 2;
      }
    }
    return { draft: words.join(separator), final: edited.join(separator), changedWords };
  });

function expectValid(draft: string, final: string, deadlineMs?: number) {
  const { diff, stats } = diffWords(draft, final, deadlineMs === undefined ? {} : { deadlineMs });
  expect(side(diff, 1)).toBe(draft);
  expect(side(diff, -1)).toBe(final);
  for (let i = 0; i < diff.length; i++) {
    expect(diff[i]?.[1]).not.toBe("");
    if (i > 0) expect(diff[i]?.[0]).not.toBe(diff[i - 1]?.[0]);
  }
  expect(stats.wordsKept + stats.wordsRemoved).toBe(countWords(draft));
  expect(stats.wordsKept + stats.wordsAdded).toBe(countWords(final));
  expect(stats.similarity).toBeGreaterThanOrEqual(0);
  expect(stats.similarity).toBeLessThanOrEqual(1);
  expect(stats.similarity === 1).toBe(stats.wordsAdded === 0 && stats.wordsRemoved === 0);
  expect(stats.editRate).toBe((stats.wordsAdded + stats.wordsRemoved) / Math.max(1, countWords(final)));
  // Counted while diffing, the statistics are exactly what editStats reads from the finished diff.
  expect(stats).toEqual(editStats(diff));
  if (draft === final) expect(diff).toEqual(draft === "" ? [] : [[0, draft]]);
  return { diff, stats };
}

describe("diffWords", () => {
  it("diffs word by word, removal before addition", () => {
    expect(diffWords("The cat sat on the mat.", "The black cat slept on a mat!")).toEqual({
      diff: [
        [0, "The "],
        [1, "black "],
        [0, "cat "],
        [-1, "sat"],
        [1, "slept"],
        [0, " on "],
        [-1, "the"],
        [1, "a"],
        [0, " mat"],
        [-1, "."],
        [1, "!"],
      ],
      stats: {
        wordsAdded: 3,
        wordsRemoved: 2,
        wordsKept: 4,
        editRate: 5 / 7,
        similarity: 8 / 13,
        charsAdded: 13,
        charsRemoved: 7,
      },
    });
  });

  it("reports an unchanged text as one kept part with similarity 1 and edit rate 0", () => {
    expect(diffWords("Same text.", "Same text.")).toEqual({
      diff: [[0, "Same text."]],
      stats: {
        wordsAdded: 0,
        wordsRemoved: 0,
        wordsKept: 2,
        editRate: 0,
        similarity: 1,
        charsAdded: 0,
        charsRemoved: 0,
      },
    });
    expect(diffWords("", "").stats.similarity).toBe(1);
  });

  it("compares CJK character by character and counts emoji as one character", () => {
    const { diff, stats } = diffWords("東京へ行く👍", "京都へ行く👍🏽");
    expect(diff).toEqual([
      [-1, "東"],
      [0, "京"],
      [1, "都"],
      [0, "へ行く"],
      [-1, "👍"],
      [1, "👍🏽"],
    ]);
    expect(stats).toMatchObject({ wordsKept: 4, wordsAdded: 1, wordsRemoved: 1, charsRemoved: 2, charsAdded: 3 });
  });

  it("folds a lone separator into the change around it", () => {
    expect(diffWords("a red car here", "a blue bike here").diff).toEqual([
      [0, "a "],
      [-1, "red car"],
      [1, "blue bike"],
      [0, " here"],
    ]);
  });

  it("turns a non-string at run time into its text instead of throwing", () => {
    const loose = diffWords as (draft: unknown, final: unknown) => ReturnType<typeof diffWords>;
    expect(loose(undefined, "ok").diff).toEqual([[1, "ok"]]);
    expect(loose(42, "42").diff).toEqual([[0, "42"]]);
  });

  it("rebuilds both texts exactly and keeps its statistics consistent, on any pair", () => {
    fc.assert(
      fc.property(pairs, ([draft, final]) => {
        expectValid(draft, final);
      }),
      { numRuns: 1000 },
    );
  });

  it("does not anchor on a moved word: the text between its two places stays kept", () => {
    // "to" is the only word unique on both sides, but it moved: taken as an anchor, it would make the diff
    // remove and add everything else (66 words changed instead of 6).
    const draft =
      "the the the w0x w0x w0x w0x the the w0x w0x w0x w0x the the w0x the the w0x w0x the the w0x w0x the w0x w0x w0x the the w0x the to the the w0x";
    const final =
      "to w0x the the the w0x w0x w0x w0x the the w0x w0x w0x w0x the the w0x the the w0x w0x the the w0x w0x the w0x w0x w0x the the w0x the w0x the the w0x";
    const { stats } = expectValid(draft, final, Number.POSITIVE_INFINITY);
    expect(stats.wordsAdded + stats.wordsRemoved).toBeLessThanOrEqual(6);
  });

  it("on text mostly of common words with a few words edited, changes no more words than the edits did", () => {
    fc.assert(
      fc.property(functionWordPair, ({ draft, final, changedWords }) => {
        // No deadline: on a busy machine the default one could pass and coarsen the diff.
        const { stats } = expectValid(draft, final, Number.POSITIVE_INFINITY);
        expect(stats.wordsAdded + stats.wordsRemoved).toBeLessThanOrEqual(changedWords);
      }),
      { numRuns: 500 },
    );
  });

  it("stays valid with no time at all: deadlineMs 0 gives the coarse diff", () => {
    fc.assert(
      fc.property(pairs, ([draft, final]) => {
        const { diff } = expectValid(draft, final, 0);
        // At most: kept start, one removal, one addition, kept end.
        expect(diff.length).toBeLessThanOrEqual(4);
      }),
      { numRuns: 500 },
    );
  });

  it("stays valid on long runs of one character or one word", () => {
    expectValid("a".repeat(5000), `${"a".repeat(4999)}b`);
    expectValid("a ".repeat(3000), `${"a ".repeat(1500)}b ${"a ".repeat(1499)}`);
    expectValid("\r\n".repeat(2000), "\n".repeat(2000));
    expectValid("👍".repeat(2000), `${"👍".repeat(1000)}👎${"👍".repeat(999)}`);
  });

  it("stays valid on long texts that take the line-by-line path", () => {
    fc.assert(
      fc.property(fc.array(editedPair, { minLength: 1, maxLength: 4 }), fc.nat(), (parts, seed) => {
        const filler = `${"Lorem ipsum dolor sit amet.\n".repeat(800)}${seed}\n`;
        const draft = parts.map(([d]) => d).join(filler);
        const final = parts.map(([, f]) => f).join(filler);
        expectValid(`${filler}${draft}`, `${filler.replace("Lorem", "Lorum")}${final}`);
      }),
      { numRuns: 30 },
    );
  });
});

describe("the documented examples", () => {
  it("match what the code does", () => {
    expect(diffWords("The cat sat.", "The cat slept.").diff).toEqual([
      [0, "The cat "],
      [-1, "sat"],
      [1, "slept"],
      [0, "."],
    ]);
    expect(diffWords("The cat sat.", "The cat slept.").stats).toMatchObject({ editRate: 2 / 3, similarity: 2 / 3 });
  });
});

describe("commonPrefixLength and commonSuffixLength", () => {
  it("match a character-by-character comparison", () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        let prefix = 0;
        while (prefix < Math.min(a.length, b.length) && a[prefix] === b[prefix]) prefix++;
        expect(commonPrefixLength(a, b)).toBe(prefix);
        const limit = Math.min(a.length, b.length) - prefix;
        let suffix = 0;
        while (suffix < limit && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
        expect(commonSuffixLength(a, b, limit)).toBe(suffix);
      }),
      { numRuns: 500 },
    );
  });
});
