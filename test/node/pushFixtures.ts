import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { createPushCommand } from "../../src/cli/push";
import type { FeedbackEvent } from "../../src/events/types";
import { edit, rating, regenerate } from "../datasets/fixtureEvents";
import { textStream } from "./support/textStream";

export const RUN_1 = "0b7a3c1e-5d2f-4f6a-9b8c-1d2e3f4a5b6c";
export const TRACE_1 = "4bf92f3577b34da6a3ce929d0e0e4736";
export const SPAN_1 = "00f067aa0ba902b7";

/** Three failures: m1 voted down with a reason and then corrected by an edit, m2 voted down, m3 regenerated. */
export const failures: FeedbackEvent[] = [
  {
    ...rating("down", {
      at: 1,
      messageId: "m1",
      content: "Sydney.",
      reasons: ["hallucination"],
      comment: "Wrong city",
      traceId: TRACE_1,
      spanId: SPAN_1,
    }),
    runId: RUN_1,
  },
  edit("Sydney.", "Canberra.", { at: 2, messageId: "m1" }),
  rating("down", { at: 3, messageId: "m2", content: "CANBERRA!!!", reasons: ["format"], traceId: "t2" }),
  regenerate({ at: 4, messageId: "m3", previousContent: "Perth." }),
  rating("up", { at: 5, messageId: "m4", content: "Canberra." }),
];

/** One more failure, collected after the first push. */
export const newFailure = rating("down", { at: 6, messageId: "m5", content: "Melbourne.", reasons: ["hallucination"] });

/** A folder for JSONL inputs, and `push` run in it as the CLI runs it. */
export function pushWorkspace() {
  const dir = mkdtempSync(join(tmpdir(), "rfl-push-"));
  let file = 0;
  return {
    jsonlFile(events: readonly FeedbackEvent[]): string {
      const path = join(dir, `feedback-${++file}.jsonl`);
      writeFileSync(path, events.map((event) => `${JSON.stringify(event)}\n`).join(""));
      return path;
    },
    async push(args: string[], env: Record<string, string>, command = createPushCommand({ env })) {
      const stdout = textStream();
      const stderr = textStream();
      const io = { stdin: Readable.from([]), stdout: stdout.stream, stderr: stderr.stream, cwd: dir };
      const code = await command.run(args, io);
      return { code, stdout: stdout.text(), stderr: stderr.text() };
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
