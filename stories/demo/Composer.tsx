import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { useDraftTracking } from "../../src";
import type { CannedTopic } from "./script";
import type { Suggestion } from "./useFakeAssistant";

export interface ComposerProps {
  busy: boolean;
  onAsk: (question: string) => void;
  /** Questions to offer as chips: the topics not asked about yet. */
  topics: readonly CannedTopic[];
  /** The assistant's drafted follow-up, put into the text area for the user to edit. */
  suggestion: Suggestion | undefined;
  onSuggest: (() => void) | undefined;
}

/**
 * Where the user asks: a text area (Enter sends, Shift+Enter adds a line), suggested questions, and a
 * follow-up the assistant drafts into the text area. Sending a drafted follow-up emits `edit` (draft versus
 * what was sent) through `useDraftTracking`: the compose-box pattern.
 */
export function Composer({ busy, onAsk, topics, suggestion, onSuggest }: ComposerProps) {
  const [question, setQuestion] = useState("");
  const hintId = useId();
  const input = useRef<HTMLTextAreaElement>(null);
  const { track } = useDraftTracking({ messageId: suggestion?.id, draft: suggestion?.text });

  useEffect(() => {
    if (!suggestion) return;
    setQuestion(suggestion.text);
    input.current?.focus({ preventScroll: true });
  }, [suggestion]);

  const send = (text: string) => {
    if (busy || !text.trim()) return;
    onAsk(text.trim());
    setQuestion("");
  };
  // Typed (or drafted and edited) in the text area: a pending draft becomes an `edit` event.
  const sendTyped = () => {
    if (busy || !question.trim()) return;
    track(question.trim());
    send(question);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    sendTyped();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      sendTyped();
    }
  };
  return (
    <form className="demo-composer" onSubmit={onSubmit} aria-label="Ask the assistant">
      {topics.length > 0 && (
        <ul className="demo-suggestions" aria-label="Suggested questions">
          {topics.map((topic) => (
            <li key={topic.question}>
              <button type="button" disabled={busy} onClick={() => send(topic.question)}>
                {topic.question}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="demo-composer-row">
        <textarea
          ref={input}
          className="story-input"
          aria-label="Your question"
          aria-describedby={hintId}
          rows={2}
          value={question}
          placeholder="Ask about debouncing, Paris or SQL…"
          onChange={(event) => setQuestion(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="story-button" disabled={busy || !onSuggest} onClick={onSuggest}>
          Suggest a follow-up
        </button>
        <button type="submit" className="story-button story-button--primary" disabled={busy || !question.trim()}>
          Send
        </button>
      </div>
      <p id={hintId} className="demo-hint">
        Enter sends, Shift+Enter starts a new line.
      </p>
    </form>
  );
}
