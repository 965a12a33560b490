import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { EditableMessage, type EditEvent, FeedbackMessage, type MemorySink } from "../src";
import { ThemeFrames } from "./support/ThemeFrames";

const DRAFT =
  "Thanks for your patience. Your refund of $40 was issued today and should reach your card within 5 business days.";

const meta = {
  title: "Edits/EditableMessage",
  component: EditableMessage,
  decorators: [
    (Story) => (
      <FeedbackMessage messageId="msg-42" traceId="4bf92f3577b34da6a3ce929d0e0e4736" spanId="00f067aa0ba902b7">
        <div style={{ maxWidth: 560 }}>
          <Story />
        </div>
      </FeedbackMessage>
    ),
  ],
  args: { draft: DRAFT, onCommit: fn(), onCancel: fn() },
  parameters: {
    docs: {
      description: {
        component:
          "An assistant message the user can correct in place. Save sends an `edit` event with the draft, the final text, their word-level diff and statistics, and how long the edit took: the (draft, final) pairs that become preference data. Cancel (or Escape) sends nothing. Ctrl+Enter or ⌘+Enter saves.",
      },
    },
  },
} satisfies Meta<typeof EditableMessage>;

export default meta;
type Story = StoryObj<typeof meta>;

const editEvents = (sink: MemorySink) => sink.events.filter((event): event is EditEvent => event.type === "edit");

/** Edit the draft and save: one `edit` event with the diff and statistics. */
export const EditAndSave: Story = {
  play: async ({ canvasElement, loaded, args }) => {
    const sink = loaded.feedbackSink as MemorySink;
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Edit" }));
    const editor = canvas.getByRole("textbox", { name: "Edit message" });
    await expect(editor).toHaveFocus();
    await userEvent.clear(editor);
    await userEvent.type(
      editor,
      "Thanks for waiting. Your refund of $40 was issued today and should reach your card within 3 business days.",
    );
    await userEvent.click(canvas.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(editEvents(sink)).toHaveLength(1));
    const [event] = editEvents(sink);
    await expect(event).toMatchObject({
      type: "edit",
      messageId: "msg-42",
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      draft: DRAFT,
      accepted: false,
      stats: { wordsRemoved: 3, wordsAdded: 2, wordsKept: 17 },
    });
    await expect(event?.diff).toContainEqual([-1, "your patience"]);
    await expect(event?.diff).toContainEqual([1, "waiting"]);
    await expect(args.onCommit).toHaveBeenCalledWith(event?.final, event);
    await expect(canvas.getByRole("button", { name: "Edit" })).toHaveFocus();
  },
};

/** Open the editor and save without a change: `accepted: true`, the draft was good as is. */
export const SaveUnchanged: Story = {
  play: async ({ canvasElement, loaded }) => {
    const sink = loaded.feedbackSink as MemorySink;
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Edit" }));
    await userEvent.keyboard("{Control>}{Enter}{/Control}");
    await waitFor(() => expect(editEvents(sink)).toHaveLength(1));
    await expect(editEvents(sink)[0]).toMatchObject({
      accepted: true,
      final: DRAFT,
      stats: { wordsAdded: 0, wordsRemoved: 0, similarity: 1, editRate: 0 },
    });
  },
};

/** Type, then press Escape: the text is back to the draft and nothing is sent. */
export const Cancel: Story = {
  play: async ({ canvasElement, loaded, args }) => {
    const sink = loaded.feedbackSink as MemorySink;
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Edit" }));
    await userEvent.type(canvas.getByRole("textbox", { name: "Edit message" }), " Anything else?");
    await userEvent.keyboard("{Escape}");
    await expect(args.onCancel).toHaveBeenCalledOnce();
    await expect(canvas.getByText(DRAFT)).toBeInTheDocument();
    await expect(canvas.getByRole("status")).toHaveTextContent("Edit canceled");
    await expect(sink.events).toHaveLength(0);
  },
};

const LONG_DRAFT = Array.from(
  { length: 12 },
  (_, i) =>
    `Step ${i + 1}. Open the settings page, choose the billing tab and confirm the change. If the page does not load, sign out, clear the cache and sign in again before retrying.`,
).join("\n\n");

/** A long, multi-paragraph draft: the text area grows with its content (up to 70% of the viewport). */
export const LongMessage: Story = {
  args: { draft: LONG_DRAFT, defaultEditing: true },
  play: async ({ canvasElement, loaded }) => {
    const sink = loaded.feedbackSink as MemorySink;
    const canvas = within(canvasElement);
    const editor = canvas.getByRole("textbox", { name: "Edit message" }) as HTMLTextAreaElement;
    await expect(editor.value).toBe(LONG_DRAFT);
    await expect(editor.clientHeight).toBeGreaterThan(200);
    editor.setSelectionRange(editor.value.length, editor.value.length);
    editor.focus();
    await userEvent.type(editor, " Done.");
    await userEvent.click(canvas.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(editEvents(sink)).toHaveLength(1));
    await expect(editEvents(sink)[0]?.diff.at(-1)).toEqual([1, " Done."]);
  },
};

/** Markdown or any rich rendering through `renderText`; editing still works on the plain text. */
export const CustomRendering: Story = {
  args: {
    draft: "Use **two** spaces for indentation.",
    renderText: (text: string) => (
      <p style={{ margin: 0 }}>
        {text
          .split(/(\*\*[^*]+\*\*)/)
          .map((part, index) =>
            part.startsWith("**") ? <strong key={`${index}-${part}`}>{part.slice(2, -2)}</strong> : part,
          )}
      </p>
    ),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("two").tagName).toBe("STRONG");
  },
};

/** Every state side by side, for visual review: viewing, and editing with its hint and actions. */
export const AllStates: Story = {
  render: (args) => (
    <div style={{ display: "grid", gap: "1.5rem" }}>
      <EditableMessage {...args} />
      <EditableMessage {...args} defaultEditing labels={{ editor: "Edit message (editing state)" }} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvasElement.querySelector('[data-state="viewing"]')).not.toBeNull();
    await expect(canvasElement.querySelector('[data-state="editing"]')).not.toBeNull();
    await expect(canvas.getByRole("textbox", { name: "Edit message (editing state)" })).toHaveValue(DRAFT);
  },
};

/** Light, dark and right to left, the editor open. */
export const LightDarkAndRtl: Story = {
  render: () => (
    <ThemeFrames>
      {(frame) => (
        <FeedbackMessage messageId={`edit-${frame.id}`}>
          <EditableMessage draft={frame.dir === "rtl" ? "يغلي الماء عند 100 درجة مئوية." : "Water boils at 100 °C."} />
        </FeedbackMessage>
      )}
    </ThemeFrames>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (const edit of canvas.getAllByRole("button", { name: "Edit" })) await userEvent.click(edit);
    await expect(canvas.getAllByRole("textbox", { name: "Edit message" })).toHaveLength(4);
  },
};
