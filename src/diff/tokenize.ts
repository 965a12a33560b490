/**
 * Word-level tokens: a run of whitespace, a word (letters, digits, marks, joined by inner apostrophes as in
 * "don't"), one CJK character (Chinese, Japanese: no spaces between words, so each character is a token), one
 * emoji sequence (ZWJ sequences, skin tones, flags kept whole), or any other single character with its
 * combining marks (punctuation, symbols). A surrogate pair is never split; a combining mark stays with what it
 * combines with. Thai, Lao, Khmer and similar scripts without spaces come out as one token per phrase.
 */

/**
 * The definition of a token, as a sticky regular expression (the ASCII fast path below agrees with it;
 * a test checks that). Built inside a pure call, so a bundle that never tokenizes drops it whole.
 */
export const TOKEN_PATTERN = /* @__PURE__ */ (() => {
  const CJK = "\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Bopomofo}";
  const WORD_CHAR = `(?:(?![${CJK}])[\\p{L}\\p{N}\\p{M}\\p{Pc}\\p{Cf}])`;
  const EMOJI_PART = "\\p{Extended_Pictographic}[\\p{EMod}\\p{M}\\u{E0020}-\\u{E007F}]*";
  return new RegExp(
    [
      "\\s+",
      `[${CJK}]\\p{M}*`,
      `${WORD_CHAR}+(?:['\u2019]${WORD_CHAR}+)*`,
      "\\p{RI}{2}",
      `${EMOJI_PART}(?:\\u200D${EMOJI_PART})*`,
      "[\\s\\S][\\p{M}\\p{EMod}]*",
    ].join("|"),
    "uy",
  );
})();

// ASCII character classes for the fast paths: 1 whitespace, 2 word character, 0 anything else.
export const ASCII_CLASS = /* @__PURE__ */ (() => {
  const classes = new Uint8Array(128);
  for (const code of [9, 10, 11, 12, 13, 32]) classes[code] = 1;
  for (let code = 0; code < 128; code++) {
    if (/[A-Za-z0-9_]/.test(String.fromCharCode(code))) classes[code] = 2;
  }
  return classes;
})();

export const APOSTROPHE = 39;

/** The end of the token that starts at `start` (exclusive). */
export function tokenEnd(text: string, start: number): number {
  const first = text.charCodeAt(start);
  if (first < 128) {
    const kind = ASCII_CLASS[first];
    let end = start + 1;
    if (kind === 1) {
      while (end < text.length && ASCII_CLASS[text.charCodeAt(end)] === 1) end++;
    } else if (kind === 2) {
      for (;;) {
        while (end < text.length && ASCII_CLASS[text.charCodeAt(end)] === 2) end++;
        // "don't": an apostrophe between word characters joins them.
        if (text.charCodeAt(end) === APOSTROPHE && ASCII_CLASS[text.charCodeAt(end + 1)] === 2) end += 2;
        else break;
      }
    }
    // A non-ASCII character next may belong to this token (an accented letter, a combining mark, a
    // no-break space, the "été" of "l'été"): the full definition decides.
    const next = text.charCodeAt(end);
    if (end >= text.length || (next < 128 && !(next === APOSTROPHE && text.charCodeAt(end + 1) >= 128))) return end;
  }
  TOKEN_PATTERN.lastIndex = start;
  TOKEN_PATTERN.test(text);
  return TOKEN_PATTERN.lastIndex;
}

/** Calls `visit(start, end)` for each token of `text[from, to)`, in order; `from` must be a token boundary. */
export function forEachToken(
  text: string,
  visit: (start: number, end: number) => void,
  from = 0,
  to = text.length,
): void {
  const slice = to === text.length ? text : text.slice(0, to);
  let start = from;
  while (start < to) {
    const end = tokenEnd(slice, start);
    visit(start, end);
    start = end;
  }
}

/** Splits `text` into its tokens: concatenating them gives `text` back. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  forEachToken(text, (start, end) => tokens.push(text.slice(start, end)));
  return tokens;
}

const SPACE_START = /\s/y;

/** Whether the token at `start` is whitespace. */
export function isSpaceToken(text: string, start: number): boolean {
  const code = text.charCodeAt(start);
  if (code < 128) return ASCII_CLASS[code] === 1;
  SPACE_START.lastIndex = start;
  return SPACE_START.test(text);
}

const WORD_CONTENT = /[\p{L}\p{N}]/u;

/** A word, for the statistics: a token with a letter or a digit (each CJK character is one). */
export function isWordToken(token: string): boolean {
  const code = token.charCodeAt(0);
  if (code < 128) return ASCII_CLASS[code] === 2 && code !== 95 ? true : WORD_CONTENT.test(token);
  return WORD_CONTENT.test(token);
}

/**
 * How many words (see `isWordToken`) `text` holds. Same count as tokenizing and testing each token, in one
 * tight loop: ASCII whitespace and punctuation are skipped a character at a time, ASCII words counted as they
 * are scanned, and only what starts with a non-ASCII character goes through the full token definition.
 */
export function countWords(text: string): number {
  let words = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const kind = code < 128 ? ASCII_CLASS[code] : -1;
    if (kind === 1 || kind === 0) {
      // Whitespace and ASCII punctuation are never words; what follows starts a token of its own or, for a
      // combining mark after punctuation, one that holds no letter either.
      i++;
      continue;
    }
    if (kind === 2) {
      // An ASCII word, scanned here; one running into a non-ASCII character goes to the full definition.
      let end = i + 1;
      for (;;) {
        while (end < text.length && ASCII_CLASS[text.charCodeAt(end)] === 2) end++;
        if (text.charCodeAt(end) === APOSTROPHE && ASCII_CLASS[text.charCodeAt(end + 1)] === 2) end += 2;
        else break;
      }
      const next = text.charCodeAt(end);
      if (end >= text.length || (next < 128 && !(next === APOSTROPHE && text.charCodeAt(end + 1) >= 128))) {
        if (code !== 95 || WORD_CONTENT.test(text.slice(i, end))) words++;
        i = end;
        continue;
      }
    }
    const end = tokenEnd(text, i);
    if (WORD_CONTENT.test(text.slice(i, end))) words++;
    i = end;
  }
  return words;
}

/**
 * Whether a token boundary falls at `index` for certain, judged from the two characters around it: a change
 * between ASCII whitespace and a character that is surely not whitespace. Used to cut texts into pieces
 * that tokenize as they would inside the whole.
 */
export function isSafeBoundary(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return true;
  const before = text.charCodeAt(index - 1);
  const after = text.charCodeAt(index);
  if (before >= 128 || after >= 128) return false;
  return (ASCII_CLASS[before] === 1) !== (ASCII_CLASS[after] === 1);
}
