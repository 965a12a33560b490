import { useEffect, useSyncExternalStore } from "react";

/** What an `EditableMessage` offers to an Edit button elsewhere in the same message. */
export interface MessageEditor {
  editing: boolean;
  /** Opens the editor; focus returns to `opener` when it closes. */
  open: (opener: HTMLElement | null) => void;
}

/*
 * The editor of each message and the Edit buttons that point at it, by message id. The editor sits in the
 * message's text and the button in its action bar, two branches that share no component of ours but the
 * message id, so they meet here rather than through a provider the app would have to place around both.
 */
const editors = new Map<string, MessageEditor>();
const triggers = new Map<string, number>();
const listeners = new Set<() => void>();

const notify = () => {
  for (const listener of listeners) listener();
};
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Publishes a message's editor while the effect holds; the newest state each time it changes. */
export function usePublishEditor(messageId: string | undefined, editor: MessageEditor) {
  useEffect(() => {
    if (messageId === undefined) return;
    editors.set(messageId, editor);
    notify();
    return () => {
      if (editors.get(messageId) === editor) editors.delete(messageId);
      notify();
    };
  }, [messageId, editor]);
}

/** The editor of a message, once its `EditableMessage` has mounted. */
export function useMessageEditor(messageId: string | undefined): MessageEditor | undefined {
  return useSyncExternalStore(
    subscribe,
    () => (messageId === undefined ? undefined : editors.get(messageId)),
    () => undefined,
  );
}

/** Marks that an Edit button for this message is mounted, so the editor hides its own. */
export function usePublishEditTrigger(messageId: string | undefined) {
  useEffect(() => {
    if (messageId === undefined) return;
    triggers.set(messageId, (triggers.get(messageId) ?? 0) + 1);
    notify();
    return () => {
      const count = (triggers.get(messageId) ?? 1) - 1;
      if (count > 0) triggers.set(messageId, count);
      else triggers.delete(messageId);
      notify();
    };
  }, [messageId]);
}

/** Whether an Edit button elsewhere in the message opens this editor. */
export function useHasEditTrigger(messageId: string | undefined): boolean {
  return useSyncExternalStore(
    subscribe,
    () => messageId !== undefined && triggers.has(messageId),
    () => false,
  );
}
