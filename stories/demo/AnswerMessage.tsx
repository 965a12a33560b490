import { type ReactNode, useEffect, useRef, useState } from "react";
import {
  CopyButton,
  DiffView,
  EditableMessage,
  EditButton,
  type EditEvent,
  FeedbackMessage,
  MessageActions,
  RegenerateButton,
  ThumbsFeedback,
} from "../../src";
import { MessageText } from "./MessageText";
import { type AnswerTurn, type AnswerVersion, shownVersion } from "./useFakeAssistant";

/** Where focus goes once another version is shown: the new answer itself, or the picker button just used. */
type FocusAfterShow = "answer" | Step;

export interface AnswerMessageProps {
  turn: AnswerTurn;
  /** Generates another answer to the same question and shows it; resolves when it has streamed in. */
  onRegenerate: () => Promise<void>;
  /** Shows the turn's `index`th answer. */
  onShow: (index: number) => void;
  /** Scrolls the conversation (never the page) so that `element` is in view. */
  reveal: (element: HTMLElement) => void;
}

/**
 * One place in the conversation for an assistant answer, with every answer generated for it: the shown one
 * with the message action bar (`MessageActions`: copy, regenerate, edit in place, thumbs with the follow-up
 * form below the bar), and "‹ 2 / 3 ›" in the bar to step back to earlier ones. Each answer is a message of its own, with its own ids, trace and feedback.
 */
export function AnswerMessage({ turn, onRegenerate, onShow, reveal }: AnswerMessageProps) {
  const shown = shownVersion(turn);
  const focusAfterShow = useRef<FocusAfterShow | null>(null);
  const versionElements = useRef(new Map<string, HTMLDivElement>());

  useEffect(() => {
    const target = focusAfterShow.current;
    const element = versionElements.current.get(shown.id);
    if (!target || !element) return;
    focusAfterShow.current = null;
    const focusable = target === "answer" ? element : element.querySelector<HTMLElement>(`[data-step="${target}"]`);
    focusable?.focus({ preventScroll: true });
    reveal(element);
  }, [shown.id, reveal]);

  const step = (direction: Step) => {
    const index = turn.shown + (direction === "next" ? 1 : -1);
    if (index < 0 || index >= turn.versions.length) return;
    focusAfterShow.current = direction;
    onShow(index);
  };
  const regenerate = () => {
    focusAfterShow.current = "answer";
    return onRegenerate();
  };

  return (
    <article
      className="demo-answer"
      aria-label={`Assistant answer ${turn.position}`}
      aria-busy={shown.status === "streaming"}
      data-state={shown.status}
    >
      {turn.versions.map((version, index) => (
        <div
          key={version.id}
          ref={(element) => {
            if (element) versionElements.current.set(version.id, element);
            else versionElements.current.delete(version.id);
          }}
          className="demo-version"
          hidden={index !== turn.shown}
          tabIndex={-1}
        >
          <AnswerVersionView
            version={version}
            prompt={turn.prompt}
            picker={
              turn.versions.length > 1 ? (
                <VersionPicker index={index} count={turn.versions.length} onStep={step} />
              ) : null
            }
            onRegenerate={regenerate}
          />
        </div>
      ))}
    </article>
  );
}

function AnswerVersionView({
  version,
  prompt,
  picker,
  onRegenerate,
}: {
  version: AnswerVersion;
  prompt: AnswerTurn["prompt"];
  picker: ReactNode;
  onRegenerate: () => Promise<void>;
}) {
  const [edit, setEdit] = useState<{ final: string; event: EditEvent | null } | null>(null);
  const streaming = version.status === "streaming";
  return (
    <FeedbackMessage
      messageId={version.id}
      traceId={version.traceId}
      spanId={version.spanId}
      content={edit?.final ?? version.text}
      prompt={prompt}
      {...(version.replaces !== undefined && { metadata: { replaces: version.replaces } })}
    >
      {streaming ? (
        <MessageText text={version.text} streaming />
      ) : (
        <EditableMessage
          draft={version.text}
          renderText={(text) => <MessageText text={text} />}
          labels={{ editor: "Edit the answer" }}
          onCommit={(final, event) => setEdit({ final, event })}
        />
      )}
      {!streaming && (
        <>
          {/* The message action bar: "‹ 2 / 3 ›" when there are several answers, then the kit's widgets. */}
          <MessageActions>
            {picker}
            <CopyButton />
            <RegenerateButton onRegenerate={onRegenerate} />
            <EditButton labels={{ edit: "Edit answer" }} />
            <ThumbsFeedback followUpOn={["up", "down"]} />
          </MessageActions>
          <details className="demo-trace">
            <summary>Trace</summary>
            <dl>
              <dt>trace</dt>
              <dd>
                <code>{version.traceId}</code>
              </dd>
              <dt>span</dt>
              <dd>
                <code>{version.spanId}</code>
              </dd>
            </dl>
          </details>
        </>
      )}
      {edit?.event && (
        <details className="demo-diff">
          <summary>
            What changed ({edit.event.stats.wordsAdded} words added, {edit.event.stats.wordsRemoved} removed)
          </summary>
          <DiffView diff={edit.event.diff} />
        </details>
      )}
    </FeedbackMessage>
  );
}

type Step = "previous" | "next";

/** "‹ 2 / 3 ›": steps between the answers generated for one question. Ends stay focusable, announced as dimmed. */
function VersionPicker({ index, count, onStep }: { index: number; count: number; onStep: (step: Step) => void }) {
  const stepButton = (step: Step) => {
    const atEnd = step === "previous" ? index === 0 : index === count - 1;
    return (
      <button
        type="button"
        className="rfl-icon-button"
        data-step={step}
        aria-label={step === "previous" ? "Previous answer" : "Next answer"}
        aria-disabled={atEnd}
        onClick={() => !atEnd && onStep(step)}
      >
        {/* The angle quotes mirror themselves in a right-to-left page. */}
        <span aria-hidden="true">{step === "previous" ? "‹" : "›"}</span>
      </button>
    );
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of two buttons and a count, not a form fieldset.
    <div className="demo-picker" role="group" aria-label="Answers to this question">
      {stepButton("previous")}
      <span className="demo-picker-count">
        <span className="demo-sr">Answer </span>
        {index + 1} / {count}
      </span>
      {stepButton("next")}
    </div>
  );
}
