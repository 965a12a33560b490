import { isAscii } from "node:buffer";

/** Stands for a line longer than the limit: it was dropped while read, never held whole. */
export const LINE_TOO_LONG = Symbol("line too long");

/** The lines completed by one chunk of input, and the input's bytes read so far. */
export interface LineBatch {
  lines: (string | typeof LINE_TOO_LONG)[];
  bytesRead: number;
}

// An event is at most a few fields of 32 KiB each; a line far past that is not an event of the contract.
const MAX_LINE_CHARS = 8 * 1024 * 1024;

/**
 * Splits a byte or text stream into lines, one batch per chunk: memory holds one chunk and one partial line,
 * whatever the input's size. Accepts `\n` and `\r\n`; a last line without a newline still counts.
 */
export async function* readLines(input: AsyncIterable<Uint8Array | string>): AsyncGenerator<LineBatch> {
  const decoder = new TextDecoder();
  // True while the decoder holds no part of a character: a chunk may then skip it.
  let decoderEmpty = true;
  let rest = "";
  let skippingLongLine = false;
  let bytesRead = 0;
  for await (const chunk of input) {
    let text: string;
    if (typeof chunk === "string") {
      text = chunk;
      bytesRead += Buffer.byteLength(chunk);
    } else {
      // Collector files are mostly ASCII: copying bytes as Latin-1 then gives the same text four times faster
      // than decoding UTF-8. A chunk with other bytes goes through the decoder, which keeps a character cut in
      // two by the chunk's end for the next one (a last byte below 0x80 ends any character).
      if (decoderEmpty && isAscii(chunk)) {
        text = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString("latin1");
      } else {
        text = decoder.decode(chunk, { stream: true });
        decoderEmpty = (chunk[chunk.byteLength - 1] as number) < 0x80;
      }
      bytesRead += chunk.byteLength;
    }
    // Most files have no CR at all: then the lines need no trimming.
    const carriageReturns = text.includes("\r") || rest.includes("\r");
    // The partial line joins the first line only, not the whole chunk: no copy of the chunk.
    const parts = text.split("\n");
    parts[0] = rest + (parts[0] as string);
    rest = parts.pop() as string;
    const lines: LineBatch["lines"] = parts;
    if (skippingLongLine && lines.length > 0) {
      lines[0] = LINE_TOO_LONG;
      skippingLongLine = false;
    }
    if (rest.length > MAX_LINE_CHARS) {
      rest = "";
      skippingLongLine = true;
    }
    if (carriageReturns) {
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (typeof line === "string" && line.endsWith("\r")) lines[i] = line.slice(0, -1);
      }
    }
    if (lines.length > 0) yield { lines, bytesRead };
  }
  rest += decoder.decode();
  if (skippingLongLine) yield { lines: [LINE_TOO_LONG], bytesRead };
  else if (rest.length > 0) yield { lines: [rest.endsWith("\r") ? rest.slice(0, -1) : rest], bytesRead };
}
