import { Writable } from "node:stream";

/** A writable stream that keeps what a command writes (its stdout or stderr), for a test to read. */
export function textStream() {
  let text = "";
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}
