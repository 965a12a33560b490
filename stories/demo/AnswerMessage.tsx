import { useState } from "react";
import {
  CopyButton,
  DiffView,
  EditableMessage,
  type EditEvent,
  FeedbackMessage,
  RegenerateButton,
  ThumbsFeedback,
} from "../../src";
import { MessageText } from "./MessageText";
import type { AnswerTurn } from "./useFakeAssistant";

/**
 * One assistant answer with every widget: thumbs with the follow-up form, copy, regenerate, an in-place edit
 * with the diff of the saved edit, and copy buttons on code blocks. The widgets appear once streaming ends.
 */
export function AnswerMessage({ answer, onRegenerate }: { answer: AnswerTurn; onRegenerate: () => Promise<void> }) {
  const [edit, setEdit] = useState<{ final: string; event: EditEvent | null } | null>(null);
  const streaming = answer.status === "streaming";
  const shown = edit?.final ?? answer.text;
  return (
    <article
      className="demo-answer"
      aria-label={`Assistant answer ${answer.position}`}
      aria-busy={streaming}
      data-state={streaming ? "streaming" : "done"}
    >
      <FeedbackMessage
        messageId={answer.id}
        traceId={answer.traceId}
        spanId={answer.spanId}
        content={shown}
        prompt={answer.prompt}
        {...(answer.replaces !== undefined && { metadata: { replaces: answer.replaces } })}
      >
        {streaming ? (
          <MessageText text={answer.text} streaming />
        ) : (
          <EditableMessage
            draft={answer.text}
            renderText={(text) => <MessageText text={text} />}
            labels={{ edit: "Edit answer", editor: "Edit the answer" }}
            onCommit={(final, event) => setEdit({ final, event })}
          />
        )}
        {!streaming && (
          <div className="demo-actions">
            <CopyButton />
            <RegenerateButton onRegenerate={onRegenerate} />
            <ThumbsFeedback followUpOn={["up", "down"]} />
          </div>
        )}
        {edit?.event && (
          <details className="demo-diff">
            <summary>
              What changed ({edit.event.stats.wordsAdded} words added, {edit.event.stats.wordsRemoved} removed)
            </summary>
            <DiffView diff={edit.event.diff} />
          </details>
        )}
        <p className="demo-ids">
          trace <code>{answer.traceId}</code> · span <code>{answer.spanId}</code>
        </p>
      </FeedbackMessage>
    </article>
  );
}
