// Key-shaped strings of the vendors the kit talks to, for secrets a sink did not declare (a key inside a URL a
// custom sink was given): Langfuse keys, LangSmith keys old and new, Authorization values, `key=value` pairs.
const SECRET_PATTERNS = [
  /\b(?:sk|pk)-lf-[\w-]+/g,
  /\blsv2_[\w-]+/g,
  /\bls__[\w-]+/g,
  /\b(?:Bearer|Basic)\s+[\w.~+/=-]+/gi,
  /\b(?:api[_-]?key|token|secret|password)\b["']?\s*[:=]\s*["']?[^\s"',}]+/gi,
];

// Shorter base64 fragments would match ordinary words.
const MIN_FRAGMENT = 6;

/**
 * The base64 text that stands for `bytes` wherever they sit in a longer encoded value (Langfuse's
 * `base64(publicKey:secretKey)`): one fragment for each of the three byte alignments, without the characters
 * the neighbouring bytes share.
 */
function base64Fragments(bytes: Uint8Array): string[] {
  const fragments: string[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const padded = new Uint8Array(shift + bytes.length);
    padded.set(bytes, shift);
    let binary = "";
    for (const byte of padded) binary += String.fromCharCode(byte);
    const encoded = btoa(binary);
    const fragment = encoded.slice(Math.ceil((8 * shift) / 6), Math.floor((8 * (shift + bytes.length)) / 6));
    if (fragment.length >= MIN_FRAGMENT) {
      fragments.push(fragment, fragment.replaceAll("+", "-").replaceAll("/", "_"));
    }
  }
  return fragments;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A function that replaces, in any text, each of `secrets` as written, URL-encoded and base64-encoded (standard
 * and URL-safe alphabets, alone or inside a longer encoded value), and key-shaped strings, with `[redacted]`.
 *
 * @example
 * ```ts
 * const scrub = secretScrubber(["sk-lf-1234"]);
 * scrub(`401 for ${btoa("pk-lf-9:sk-lf-1234")}`); // "401 for [redacted]…" (no part that decodes to the key)
 * ```
 */
export function secretScrubber(secrets: readonly string[]): (text: string) => string {
  const forms = new Set<string>();
  const encoder = new TextEncoder();
  for (const secret of secrets) {
    if (!secret) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    for (const fragment of base64Fragments(encoder.encode(secret))) forms.add(fragment);
  }
  // Longest first, so a value is replaced whole rather than around a shorter secret inside it.
  const literals = [...forms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const configured = literals.length > 0 ? new RegExp(literals.join("|"), "g") : undefined;
  return (text) => {
    let scrubbed = configured ? text.replace(configured, "[redacted]") : text;
    for (const pattern of SECRET_PATTERNS) scrubbed = scrubbed.replace(pattern, "[redacted]");
    return scrubbed;
  };
}
