import fc from "fast-check";
import { tokenizeSpaced } from "../../src/diff/spacedTokens";
import { TokenInterner } from "../../src/diff/tokenInterner";
import { countWords, isSafeBoundary, isWordToken, TOKEN_PATTERN, tokenize } from "../../src/diff/tokenize";

/** Tokens by the regular expression alone, without the ASCII fast path. */
function referenceTokens(text: string): string[] {
  const pattern = new RegExp(TOKEN_PATTERN.source, TOKEN_PATTERN.flags);
  const tokens: string[] = [];
  while (pattern.lastIndex < text.length) {
    const start = pattern.lastIndex;
    pattern.test(text);
    tokens.push(text.slice(start, pattern.lastIndex));
  }
  return tokens;
}

const PIECES = [
  "a",
  "Z",
  "0",
  "_",
  " ",
  "  ",
  "\t",
  "\r\n",
  "\n",
  "'",
  "’",
  ".",
  ",",
  "!",
  "é",
  "e\u0301",
  "\u0301",
  "\u00a0",
  "👍",
  "👍🏽",
  "👨‍👩‍👧",
  "🇫🇷",
  "1️⃣",
  "漢",
  "字",
  "の",
  "カ",
  "שלום",
  "مرحبا",
  "\u200f",
  "\u200d",
  "\ud800",
  "\udc00",
  "don't",
  "l'",
  "ß",
  "Ω",
  "—",
  "🏴󠁧󠁢󠁳󠁣󠁴󠁿",
];
const adversarial = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(""));

describe("tokenize", () => {
  it("splits words, whitespace runs and punctuation", () => {
    expect(tokenize("Hello,  world!\r\n")).toEqual(["Hello", ",", "  ", "world", "!", "\r\n"]);
  });

  it("keeps inner apostrophes in a word, ASCII or typographic, before accented letters too", () => {
    expect(tokenize("don't l'été it’s 'quoted'")).toEqual([
      "don't",
      " ",
      "l'été",
      " ",
      "it’s",
      " ",
      "'",
      "quoted",
      "'",
    ]);
  });

  it("makes each CJK character a token, but keeps Hangul and Latin words whole", () => {
    expect(tokenize("東京タワー abc漢字 한국어")).toEqual([
      "東",
      "京",
      "タ",
      "ワ",
      "ー",
      " ",
      "abc",
      "漢",
      "字",
      " ",
      "한국어",
    ]);
  });

  it("keeps emoji sequences, flags, keycaps and combining marks whole", () => {
    expect(tokenize("👨‍👩‍👧👍🏽🇫🇷🇩🇪 1️⃣ cafe\u0301!")).toEqual([
      "👨‍👩‍👧",
      "👍🏽",
      "🇫🇷",
      "🇩🇪",
      " ",
      "1️⃣",
      " ",
      "cafe\u0301",
      "!",
    ]);
  });

  it("gives back the text and agrees with its own definition, on any string", () => {
    fc.assert(
      fc.property(fc.oneof(adversarial, fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" })), (text) => {
        const tokens = tokenize(text);
        expect(tokens.join("")).toBe(text);
        expect(tokens).toEqual(referenceTokens(text));
      }),
      { numRuns: 500 },
    );
  });

  it("never cuts between the halves of a surrogate pair", () => {
    fc.assert(
      fc.property(fc.oneof(adversarial, fc.string({ unit: "binary" })), (text) => {
        let at = 0;
        for (const token of tokenize(text)) {
          at += token.length;
          const high = text.charCodeAt(at - 1);
          const low = text.charCodeAt(at);
          expect(high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("counts words exactly as tokenizing and testing each token would", () => {
    fc.assert(
      fc.property(fc.oneof(adversarial, fc.string({ unit: "binary" })), (text) => {
        expect(countWords(text)).toBe(tokenize(text).filter(isWordToken).length);
      }),
      { numRuns: 500 },
    );
  });

  it("counts words: tokens with a letter or digit", () => {
    expect(countWords("It's 3 o'clock — 東京, ok? 👍 _ ...")).toBe(6);
    expect(isWordToken("_")).toBe(false);
    expect(isWordToken("a_b")).toBe(true);
    expect(countWords("")).toBe(0);
  });
});

describe("tokenizeSpaced", () => {
  it("finds the same tokens as tokenize, each with the whitespace before it, in any range between safe boundaries", () => {
    fc.assert(
      fc.property(fc.oneof(adversarial, fc.string({ unit: "binary" })), fc.nat(), fc.nat(), (text, one, two) => {
        const safe = [0, text.length];
        for (let i = 1; i < text.length; i++) if (isSafeBoundary(text, i)) safe.push(i);
        const [from, to] = [safe[one % safe.length] as number, safe[two % safe.length] as number].sort((x, y) => x - y);
        const range = text.slice(from, to);
        const interner = new TokenInterner();
        const spaced = tokenizeSpaced(text, interner, from, to);
        const tokens: string[] = [];
        let rebuilt = "";
        for (let i = 0; i < spaced.count; i++) {
          const token = text.slice(spaced.tokenStarts[i], spaced.starts[i + 1]);
          tokens.push(token);
          rebuilt += text.slice(spaced.starts[i], spaced.tokenStarts[i]) + token;
          // Equal ids for equal tokens, and a word flag that agrees with isWordToken.
          expect(interner.idOf(token, 0, token.length)).toBe(spaced.ids[i]);
          expect(interner.words[spaced.ids[i] as number]).toBe(isWordToken(token) ? 1 : 0);
        }
        expect(rebuilt + text.slice(spaced.starts[spaced.count], spaced.starts[spaced.count + 1])).toBe(range);
        expect(tokens).toEqual(tokenize(range).filter((token) => !/^\s/u.test(token)));
      }),
      { numRuns: 500 },
    );
  });
});
