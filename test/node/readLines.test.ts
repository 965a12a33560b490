import { describe, expect, it } from "vitest";
import { LINE_TOO_LONG, readLines } from "../../src/cli/readLines";

async function linesOf(chunks: (string | Uint8Array)[]) {
  const lines: unknown[] = [];
  let bytes = 0;
  for await (const batch of readLines(
    (async function* () {
      yield* chunks;
    })(),
  )) {
    lines.push(...batch.lines);
    bytes = batch.bytesRead;
  }
  return { lines, bytes };
}

describe("readLines", () => {
  it("joins lines and characters split across chunks, and accepts CRLF and a last line without newline", async () => {
    const bytes = Buffer.from("first\r\nsecönd\nlast");
    const chunks = [bytes.subarray(0, 3), bytes.subarray(3, 11), bytes.subarray(11, 12), bytes.subarray(12)];
    expect(await linesOf(chunks)).toEqual({ lines: ["first", "secönd", "last"], bytes: bytes.length });
  });

  it("reads ASCII chunks and UTF-8 chunks in any order, and a character cut in two before an ASCII byte", async () => {
    const bytes = Buffer.from("plain\nçà et là\nplain again\n€\nend\n");
    const euro = bytes.indexOf(Buffer.from("€"));
    const chunks = [
      bytes.subarray(0, 6), // ASCII
      bytes.subarray(6, 9), // "ç" and the first byte of "à"
      bytes.subarray(9, euro + 1), // the rest of "à", ASCII, the first byte of "€"
      bytes.subarray(euro + 1), // the rest of "€", then ASCII
    ];
    expect((await linesOf(chunks)).lines).toEqual(["plain", "çà et là", "plain again", "€", "end"]);
  });

  it("keeps empty lines so line numbers stay true", async () => {
    expect((await linesOf(["a\n\nb\n"])).lines).toEqual(["a", "", "b"]);
  });

  it("drops an over-long line without holding it, and goes on with the next", async () => {
    const mebibyte = "x".repeat(1024 * 1024);
    const chunks = ["ok\n", ...Array.from({ length: 9 }, () => mebibyte), "\nnext\n"];
    expect((await linesOf(chunks)).lines).toEqual(["ok", LINE_TOO_LONG, "next"]);
  });
});
