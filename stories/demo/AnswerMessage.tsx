import { useEffect, useRef, useState } from "react";
import {
  AnswerVersions,
  type CompareChoice,
  ComparePrompt,
  CopyButton,
  DiffView,
  EditableMessage,
  EditButton,
  type EditEvent,
  FeedbackMessage,
  type AnswerVersion as KitAnswerVersion,
  MessageActions,
  RegenerateButton,
  ThumbsFeedback,
} from "../../src";
import { MessageText } from "./MessageText";
import { type AnswerTurn, type AnswerVersion, shownVersion } from "./useFakeAssistant";

export interface AnswerMessageProps {
  turn: AnswerTurn;
  /** Whether the user has asked something after this answer: the conversation went on from the shown version. */
  continued: boolean;
  /** Generates another answer to the same question and shows it; resolves when it has streamed in. */
  onRegenerate: () => Promise<void>;
  /** Shows the turn's `index`th answer. */
  onShow: (index: number) => void;
  /** Scrolls the conversation (never the page) so that `element` is in view. */
  reveal: (element: HTMLElement) => void;
}

/** A saved edit of one answer: kept here, so that stepping to another answer and back keeps it. */
type SavedEdit = { final: string; event: EditEvent | null };

/** The demo's answer as the kit sees it: its ids, its text and the conversation that produced it. */
function kitVersion(version: AnswerVersion, prompt: AnswerTurn["prompt"]): KitAnswerVersion {
  return { messageId: version.id, content: version.text, traceId: version.traceId, spanId: version.spanId, prompt };
}

/**
 * One place in the conversation for an assistant answer, with every answer generated for it (`AnswerVersions`):
 * the shown one with the message action bar (`MessageActions`: "‹ 2 / 3 ›" first, then copy, regenerate, edit in
 * place, thumbs with the follow-up form below the bar). Once a regenerated answer has streamed in, "Which
 * response is better?" (`ComparePrompt`) asks about it and the answer it replaced, below both.
 */
export function AnswerMessage({ turn, continued, onRegenerate, onShow, reveal }: AnswerMessageProps) {
  const shown = shownVersion(turn);
  const focusShownAnswer = useRef(false);
  const versionElements = useRef(new Map<string, HTMLDivElement>());
  const [edits, setEdits] = useState<Record<string, SavedEdit>>({});

  // After a regenerate (or a choice in the prompt), the focus goes to the answer now shown, never the body.
  useEffect(() => {
    const element = versionElements.current.get(shown.id);
    if (!focusShownAnswer.current || !element) return;
    focusShownAnswer.current = false;
    element.focus({ preventScroll: true });
    reveal(element);
  }, [shown.id, reveal]);

  const regenerate = () => {
    focusShownAnswer.current = true;
    return onRegenerate();
  };

  // The newest answer, once streamed, against the one it replaced.
  const newest = turn.versions.at(-1);
  const replaced = turn.versions.find((version) => version.id === newest?.replaces);
  const choose = (choice: CompareChoice) => {
    const chosen = choice === "a" ? replaced : choice === "b" ? newest : undefined;
    const index = turn.versions.findIndex((version) => version.id === chosen?.id);
    if (index === -1 || index === turn.shown) return;
    focusShownAnswer.current = true;
    onShow(index);
  };

  return (
    <article
      className="demo-answer"
      aria-label={`Assistant answer ${turn.position}`}
      aria-busy={shown.status === "streaming"}
      data-state={shown.status}
    >
      <AnswerVersions
        versions={turn.versions.map((version) => ({ ...kitVersion(version, turn.prompt), demo: version }))}
        index={turn.shown}
        onIndexChange={onShow}
        continued={continued}
      >
        {({ demo: version }) => (
          <div
            ref={(element) => {
              if (element) versionElements.current.set(version.id, element);
              else versionElements.current.delete(version.id);
            }}
            className="demo-version"
            tabIndex={-1}
          >
            <AnswerVersionView
              version={version}
              prompt={turn.prompt}
              edit={edits[version.id]}
              onEdit={(edit) => setEdits((all) => ({ ...all, [version.id]: edit }))}
              onRegenerate={regenerate}
            />
          </div>
        )}
      </AnswerVersions>
      {newest && replaced && newest.status === "done" && (
        <ComparePrompt
          key={newest.id}
          a={kitVersion(replaced, turn.prompt)}
          b={kitVersion(newest, turn.prompt)}
          renderText={(text) => <MessageText text={text} />}
          onChoice={choose}
        />
      )}
    </article>
  );
}

function AnswerVersionView({
  version,
  prompt,
  edit,
  onEdit,
  onRegenerate,
}: {
  version: AnswerVersion;
  prompt: AnswerTurn["prompt"];
  edit: SavedEdit | undefined;
  onEdit: (edit: SavedEdit) => void;
  onRegenerate: () => Promise<void>;
}) {
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
          {...(edit && { defaultValue: edit.final })}
          renderText={(text) => <MessageText text={text} />}
          labels={{ editor: "Edit the answer" }}
          onCommit={(final, event) => onEdit({ final, event })}
        />
      )}
      {!streaming && (
        <>
          {/* The message action bar: AnswerVersions puts "‹ 2 / 3 ›" first when there are several answers. */}
          <MessageActions>
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
