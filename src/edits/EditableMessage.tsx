import { clsx } from "clsx";
import { type KeyboardEvent, type ReactNode, useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import type { EditEvent } from "../events/types";
import type { LabelOverrides } from "../labels/defaultLabels";
import { useLabels } from "../labels/useLabels";
import { useFeedbackMessage } from "../provider/FeedbackMessage";
import { useFeedback } from "../provider/useFeedback";
import { focusWithoutTooltip } from "../shared/tooltips";
import { useControllableState } from "../shared/useControllableState";
import { useIsomorphicLayoutEffect } from "../shared/useIsomorphicLayoutEffect";
import { visuallyHidden } from "../shared/visuallyHidden";
import { lazyEditEvent as editEvent } from "./lazyEditEvent";
import { type MessageEditor, useHasEditTrigger, usePublishEditor } from "./messageEditors";

/* -------------------------------------------------------------------------------------------------
 * EditableMessage
 * -----------------------------------------------------------------------------------------------*/

const EDITABLE_MESSAGE_NAME = "EditableMessage";

/** Props of `EditableMessage`. */
export interface EditableMessageProps {
  /** The assistant's text as generated: every `edit` event compares the final text against it. */
  draft: string;
  /** The message the edit is about; defaults to the enclosing `FeedbackMessage`'s. */
  messageId?: string;
  /** The text shown (controlled). Uncontrolled, it is the last saved text, or the draft until a first save. */
  value?: string;
  /** The text shown at first when uncontrolled (default: the draft). */
  defaultValue?: string;
  /** Called with the saved text whenever an edit is saved. */
  onValueChange?: (value: string) => void;
  /** Whether the editor is open (controlled). Closing it from outside cancels the edit: nothing is sent. */
  editing?: boolean;
  /** Whether the editor is open at first when uncontrolled (default false). */
  defaultEditing?: boolean;
  onEditingChange?: (editing: boolean) => void;
  /**
   * Called after Save with the final text and the `edit` event as sent (`null` when it was not sent: sampled
   * out, dropped by `redact`, or refused, in which case `onError` heard why).
   */
  onCommit?: (final: string, event: EditEvent | null) => void;
  /** Called when the user cancels (button or Escape). Nothing is sent. */
  onCancel?: () => void;
  /** Renders the text while viewing, e.g. as markdown. Default: plain text, line breaks kept. */
  renderText?: (text: string) => ReactNode;
  /** Overrides of the shared label table (`edit`, `editor`, `editHint`, `save`, `cancel`, ...). */
  labels?: LabelOverrides;
  className?: string;
}

type EditableState = "viewing" | "editing";

const now = () => performance.now();

// `field-sizing: content` lets the browser grow the text area itself; elsewhere it is sized on input.
// Asked when first needed, not at import: nothing runs when a bundle leaves the editor out.
const growsByItself = () =>
  typeof CSS !== "undefined" && typeof CSS.supports === "function" && CSS.supports("field-sizing", "content");

/**
 * Grows the text area to its content where the browser cannot do it itself. A keystroke that lengthens the
 * text only reads two sizes (and writes one when a line was added); the reset to "auto" that lets it shrink
 * runs only when the text got shorter.
 */
function fitHeight(textarea: HTMLTextAreaElement | null, shrink: boolean) {
  if (!textarea || growsByItself()) return;
  if (shrink) textarea.style.height = "auto";
  if (textarea.scrollHeight > textarea.clientHeight) {
    const borders = textarea.offsetHeight - textarea.clientHeight;
    textarea.style.height = `${textarea.scrollHeight + borders}px`;
  }
}

/**
 * An assistant message the user can correct in place. It has an Edit button of its own, or, when an
 * `EditButton` (the pencil in `MessageActions`) is in the same message, that button opens it instead. Saving sends an `edit` event with the draft, the final
 * text, their word-level diff and statistics, how long the edit took and whether the draft was accepted as
 * is: the (draft, final) pairs that become preference data. Cancel sends nothing.
 *
 * The text area is left to the browser while typing (no React state per keystroke) and the diff runs once,
 * on Save, so typing into a long draft costs what a plain text area costs.
 *
 * @example
 * ```tsx
 * <FeedbackMessage messageId={message.id} traceId={message.traceId}>
 *   <EditableMessage
 *     draft={message.text}
 *     renderText={(text) => <Markdown>{text}</Markdown>}
 *     onCommit={(final) => saveCorrection(message.id, final)}
 *   />
 * </FeedbackMessage>
 * ```
 */
export function EditableMessage({
  draft,
  messageId,
  value,
  defaultValue,
  onValueChange,
  editing: editingProp,
  defaultEditing = false,
  onEditingChange,
  onCommit,
  onCancel,
  renderText,
  labels: labelOverrides,
  className,
}: EditableMessageProps) {
  const { emit } = useFeedback();
  const labels = useLabels(labelOverrides);
  const enclosing = useFeedbackMessage();
  const editedMessageId = messageId ?? enclosing?.messageId;
  const hasEditButtonElsewhere = useHasEditTrigger(editedMessageId);
  const draftText = typeof draft === "string" ? draft : String(draft ?? "");
  // Until a first save the draft itself is shown, so a draft that is still streaming in stays current.
  const [savedText, setText] = useControllableState<string | undefined>({
    prop: value,
    defaultProp: defaultValue,
    onChange: onValueChange as ((value: string | undefined) => void) | undefined,
    name: `${EDITABLE_MESSAGE_NAME}'s value`,
  });
  const text = savedText ?? draftText;
  const [editing, setEditing] = useControllableState({
    prop: editingProp,
    defaultProp: defaultEditing,
    onChange: onEditingChange,
    name: `${EDITABLE_MESSAGE_NAME}'s editing`,
  });
  const [announcement, setAnnouncement] = useState("");
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  // The button that opened the editor, where the focus returns: ours, or an `EditButton` in the action bar.
  const openerRef = useRef<HTMLElement | null>(null);
  const startedAt = useRef<number | null>(editing ? now() : null);
  const wasEditing = useRef(editing);
  const hintId = useId();

  // Focus follows the mode: into the text area when editing starts, back to Edit when it ends.
  useIsomorphicLayoutEffect(() => {
    if (wasEditing.current === editing) return;
    wasEditing.current = editing;
    if (editing) {
      startedAt.current = now();
      const textarea = textareaRef.current;
      if (textarea) {
        fitHeight(textarea, false);
        textarea.focus();
        textarea.setSelectionRange(textarea.value.length, textarea.value.length);
      }
    } else {
      startedAt.current = null;
      focusWithoutTooltip(openerRef.current?.isConnected ? openerRef.current : editButtonRef.current);
    }
  }, [editing]);

  // Sizing listens natively: a keystroke then runs no React event dispatch of ours at all.
  useEffect(() => {
    const textarea = textareaRef.current;
    if (!editing || !textarea || growsByItself()) return;
    let length = textarea.value.length;
    fitHeight(textarea, false);
    const onInput = () => {
      fitHeight(textarea, textarea.value.length < length);
      length = textarea.value.length;
    };
    textarea.addEventListener("input", onInput);
    return () => textarea.removeEventListener("input", onInput);
  }, [editing]);

  const startEditing = useCallback(
    (opener: HTMLElement | null) => {
      openerRef.current = opener;
      setAnnouncement("");
      setEditing(true);
    },
    [setEditing],
  );
  const editor = useMemo<MessageEditor>(() => ({ editing, open: startEditing }), [editing, startEditing]);
  usePublishEditor(editedMessageId, editor);

  const save = useCallback(() => {
    const final = textareaRef.current?.value ?? text;
    const durationMs = now() - (startedAt.current ?? now());
    setText(final);
    setEditing(false);
    setAnnouncement(labels.editSaved);
    const commit = ({ editEventInput }: typeof import("./editEventInput")) => {
      const event = emit(editEventInput(draft, final, durationMs, messageId));
      onCommit?.(final, event);
    };
    const loaded = editEvent.get();
    if (loaded) commit(loaded);
    else void editEvent.load().then(commit);
  }, [emit, draft, messageId, text, setText, setEditing, labels.editSaved, onCommit]);

  const cancel = useCallback(() => {
    setEditing(false);
    setAnnouncement(labels.editCanceled);
    onCancel?.();
  }, [setEditing, labels.editCanceled, onCancel]);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === "Escape") {
      event.preventDefault();
      cancel();
    } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    }
  };

  const state: EditableState = editing ? "editing" : "viewing";
  return (
    <div className={clsx("rfl-editable", className)} data-state={state}>
      {editing ? (
        <>
          <textarea
            ref={textareaRef}
            className="rfl-editable__input"
            aria-label={labels.editor}
            aria-describedby={hintId}
            defaultValue={text}
            onKeyDown={onKeyDown}
          />
          <p id={hintId} className="rfl-editable__hint">
            {labels.editHint}
          </p>
          <div className="rfl-editable__actions">
            <button type="button" className="rfl-button rfl-button-primary rfl-editable__save" onClick={save}>
              {labels.save}
            </button>
            <button type="button" className="rfl-button rfl-editable__cancel" onClick={cancel}>
              {labels.cancel}
            </button>
          </div>
        </>
      ) : (
        <>
          <div className="rfl-editable__text">{renderText ? renderText(text) : text}</div>
          {!hasEditButtonElsewhere && (
            <div className="rfl-editable__actions">
              <button
                ref={editButtonRef}
                type="button"
                className="rfl-button rfl-editable__edit"
                onClick={(event) => startEditing(event.currentTarget)}
                onPointerEnter={editEvent.load}
                onFocus={editEvent.load}
              >
                {labels.edit}
              </button>
            </div>
          )}
        </>
      )}
      <span role="status" style={visuallyHidden}>
        {announcement}
      </span>
    </div>
  );
}
