import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import type { MemorySink } from "../src";
import { DemoChat } from "./demo/DemoChat";
import { TOPICS } from "./demo/script";

const [DEBOUNCE, PARIS, SQL] = TOPICS.map((topic) => topic.question) as [string, string, string];
const PARIS_FOLLOW_UP = TOPICS[1]?.followUp ?? "";

// Headless Chromium refuses real clipboard writes without a person's gesture: the stories stand in for it.
function fakeClipboard() {
  const writeText = fn(async (_text: string) => {});
  Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
  return { writeText, restore: () => Reflect.deleteProperty(navigator, "clipboard") };
}

const meta = {
  title: "Demo/Chat",
  component: DemoChat,
  // No docs page: the sidebar's first entry, and so the page Storybook opens on, is the Chat story's canvas.
  tags: ["!autodocs"],
  args: { speed: "typing", initialQuestions: [DEBOUNCE, PARIS] },
  argTypes: { speed: { control: "inline-radio", options: ["typing", "instant"] } },
  parameters: {
    layout: "padded",
    docs: {
      description: {
        component:
          'A chat with a fake assistant that streams canned Markdown answers with highlighted code (no network), built only from the public API. Under every answer: copy (and copy on each code block), regenerate with "‹ 2 / 3 ›" to step back to earlier answers and "Which response is better?" once the new answer is in, thumbs with the follow-up form, an in-place edit with the diff of the saved edit, and the trace ids behind a disclosure. Every visit gets fresh message ids and a fresh `sessionId`. The log beside the chat (a drawer on a phone) shows each event as it is emitted.',
      },
    },
  },
} satisfies Meta<typeof DemoChat>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Click through every signal: each one shows up in the event log. */
export const Chat: Story = {};

/** Thumbs down on an answer, then reasons and a comment in the follow-up form: two `rating` events. */
export const RateAndExplain: Story = {
  args: { speed: "instant" },
  play: async ({ canvasElement, loaded }) => {
    const sink = loaded.feedbackSink as MemorySink;
    const answer = within(within(canvasElement).getByRole("article", { name: "Assistant answer 1" }));
    await userEvent.click(answer.getByRole("button", { name: "Bad response" }));
    await waitFor(() => expect(sink.events).toHaveLength(1));
    const vote = sink.events[0];
    await expect(vote).toMatchObject({ type: "rating", value: "down", previous: null });
    await expect(vote?.traceId).toMatch(/^[0-9a-f]{32}$/);
    await expect(vote?.spanId).toMatch(/^[0-9a-f]{16}$/);
    await expect(vote?.prompt).toEqual([{ role: "user", content: DEBOUNCE }]);

    await userEvent.click(await answer.findByRole("button", { name: "Made things up" }));
    await userEvent.type(answer.getByRole("textbox", { name: "Comment (optional)" }), "The timer type breaks in Node.");
    await userEvent.click(answer.getByRole("button", { name: "Submit" }));
    await waitFor(() => expect(sink.events).toHaveLength(2));
    await expect(sink.events[1]).toMatchObject({
      type: "rating",
      value: "down",
      messageId: vote?.messageId,
      feedbackKey: vote?.feedbackKey,
      reasons: ["hallucination"],
      comment: "The timer type breaks in Node.",
    });
  },
};

/** The copy button of a code block copies only the code and reports `source: "code"`; the answer's own copies all. */
export const CopyCodeBlock: Story = {
  args: { speed: "instant" },
  play: async ({ canvasElement, loaded }) => {
    const clipboard = fakeClipboard();
    try {
      const sink = loaded.feedbackSink as MemorySink;
      const answer = within(within(canvasElement).getByRole("article", { name: "Assistant answer 1" }));
      const block = answer.getAllByRole("figure")[0];
      const code = (block?.querySelector("code")?.textContent ?? "").replace(/\n$/, "");
      await expect(code).toMatch(/^export function debounce/);
      // Highlighted: the keywords are marked up, the copied text is still exactly the code.
      await expect(block?.querySelector(".hljs-keyword")).toHaveTextContent("export");
      await userEvent.click(answer.getByRole("button", { name: "Copy ts code" }));
      await waitFor(() => expect(sink.events).toHaveLength(1));
      await expect(clipboard.writeText).toHaveBeenCalledWith(code);
      await expect(sink.events[0]).toMatchObject({ type: "copy", source: "code", chars: code.length });
      await expect(sink.events[0]).toHaveProperty("fraction", expect.any(Number));

      await userEvent.click(answer.getByRole("button", { name: "Copy" }));
      await waitFor(() => expect(sink.events).toHaveLength(2));
      await expect(sink.events[1]).toMatchObject({ type: "copy", source: "button", fraction: 1 });
    } finally {
      clipboard.restore();
    }
  },
};

/**
 * Regenerate emits `regenerate` with the replaced text; a new answer (new ids) streams in its place, and "‹ 2 / 2 ›"
 * steps back to the earlier one. Once it has streamed in, "Which response is better?" asks about the two and takes
 * the focus; Skip closes it and gives the focus back to the new answer.
 */
export const RegenerateAnswer: Story = {
  args: { speed: "instant" },
  play: async ({ canvasElement, loaded }) => {
    const sink = loaded.feedbackSink as MemorySink;
    const canvas = within(canvasElement);
    const first = canvas.getByRole("article", { name: "Assistant answer 2" });
    await userEvent.click(within(first).getByRole("button", { name: "Regenerate" }));
    await waitFor(() => expect(sink.events).toHaveLength(1));
    const event = sink.events[0];
    await expect(event).toMatchObject({ type: "regenerate", attempt: 1 });
    await expect(event).toHaveProperty("previousContent", expect.stringContaining("Musée d'Orsay"));
    await waitFor(() =>
      expect(canvas.getByRole("article", { name: "Assistant answer 2" })).toHaveAttribute("data-state", "done"),
    );
    const second = canvas.getByRole("article", { name: "Assistant answer 2" });
    const shown = within(second)
      .getAllByText(/Richelieu/)[0]
      ?.closest<HTMLElement>(".demo-version");
    await expect(shown).not.toBeNull();
    // The compare prompt opens under the answer and takes the focus; the page itself never scrolled.
    const prompt = await within(second).findByRole("group", { name: "Which response is better?" });
    await waitFor(() => expect(prompt).toHaveFocus());
    await expect(canvasElement.ownerDocument.scrollingElement?.scrollTop ?? 0).toBe(0);
    await userEvent.click(within(prompt).getByRole("button", { name: "Skip" }));
    await expect(within(second).queryByRole("group", { name: "Which response is better?" })).toBeNull();
    await waitFor(() => expect(shown).toHaveFocus());
    await expect(within(second).getByText("2 / 2")).toBeVisible();

    // The new answer is a message of its own: a vote on it carries its id, not the replaced one's.
    await userEvent.click(within(second).getByRole("button", { name: "Good response" }));
    await waitFor(() => expect(sink.events).toHaveLength(2));
    await expect(sink.events[1]).toMatchObject({
      type: "rating",
      value: "up",
      metadata: { replaces: event?.messageId },
    });
    await expect(sink.events[1]?.messageId).not.toBe(event?.messageId);

    // Step back to the first answer and forward again: focus stays on the stepper, each answer keeps its vote.
    await userEvent.click(within(second).getByRole("button", { name: "Previous answer" }));
    await expect(within(second).getByText(/Passage des Panoramas/)).toBeVisible();
    await expect(within(second).getByText("1 / 2")).toBeVisible();
    await expect(within(second).getByRole("button", { name: "Previous answer" })).toHaveFocus();
    await expect(within(second).getByRole("button", { name: "Good response" })).toHaveAttribute(
      "aria-pressed",
      "false",
    );
    await userEvent.click(within(second).getByRole("button", { name: "Next answer" }));
    await expect(within(second).getByRole("button", { name: "Next answer" })).toHaveFocus();
    await expect(within(second).getByRole("button", { name: "Good response" })).toHaveAttribute("aria-pressed", "true");
  },
};

/**
 * After a regenerate, "This one" under the first answer is a clear `preference` for it over the new one (a DPO
 * pair with both traces); the chat goes back to the chosen answer and thanks the user.
 */
export const CompareAfterRegenerate: Story = {
  args: { speed: "instant" },
  play: async ({ canvasElement, loaded }) => {
    const sink = loaded.feedbackSink as MemorySink;
    const answer = within(within(canvasElement).getByRole("article", { name: "Assistant answer 2" }));
    await userEvent.click(answer.getByRole("button", { name: "Regenerate" }));
    const prompt = await answer.findByRole("group", { name: "Which response is better?" });
    await userEvent.click(within(prompt).getByRole("button", { name: "This one Response 1" }));
    await waitFor(() => expect(sink.events.filter((event) => event.type === "preference")).toHaveLength(1));
    const [regenerate, preference] = sink.events;
    await expect(preference).toMatchObject({
      type: "preference",
      source: "compare",
      strength: "clear",
      messageId: regenerate?.messageId,
      traceId: regenerate?.traceId,
      prompt: [
        { role: "user", content: DEBOUNCE },
        { role: "assistant", content: expect.stringContaining("debounce") },
        { role: "user", content: PARIS },
      ],
    });
    await expect(preference).toHaveProperty("chosen", expect.stringContaining("Musée d'Orsay"));
    await expect(preference).toHaveProperty("rejected", expect.stringContaining("Richelieu"));
    await expect(answer.getByText("Thanks for your feedback")).toBeVisible();
    // The chosen (first) answer is shown again.
    await expect(answer.getByText("1 / 2")).toBeVisible();
    await expect(answer.getByText(/Passage des Panoramas/)).toBeVisible();
  },
};

/**
 * Step back to the first answer after a regenerate and ask the next question from there: the conversation went on
 * from the kept answer, a slight `preference` for it over the one the user stepped away from.
 */
export const KeepEarlierAnswer: Story = {
  args: { speed: "instant" },
  play: async ({ canvasElement, loaded }) => {
    const sink = loaded.feedbackSink as MemorySink;
    const canvas = within(canvasElement);
    const answer = within(canvas.getByRole("article", { name: "Assistant answer 2" }));
    await userEvent.click(answer.getByRole("button", { name: "Regenerate" }));
    await userEvent.click(
      within(await answer.findByRole("group", { name: "Which response is better?" })).getByRole("button", {
        name: "Skip",
      }),
    );
    await userEvent.click(answer.getByRole("button", { name: "Previous answer" }));
    await userEvent.type(canvas.getByRole("textbox", { name: "Your question" }), `${SQL}{Enter}`);
    await waitFor(() => expect(sink.events.filter((event) => event.type === "preference")).toHaveLength(1));
    const regenerate = sink.events[0];
    await expect(sink.events.find((event) => event.type === "preference")).toMatchObject({
      source: "kept",
      strength: "slight",
      messageId: regenerate?.messageId,
      chosen: expect.stringContaining("Musée d'Orsay"),
      rejected: expect.stringContaining("Richelieu"),
    });
  },
};

/** Edit an answer in place and save: an `edit` event with draft, final and diff, and the diff shown below. */
export const EditAnswer: Story = {
  args: { speed: "instant" },
  play: async ({ canvasElement, loaded }) => {
    const sink = loaded.feedbackSink as MemorySink;
    const answer = within(within(canvasElement).getByRole("article", { name: "Assistant answer 2" }));
    await userEvent.click(answer.getByRole("button", { name: "Edit answer" }));
    const editor = answer.getByRole("textbox", { name: "Edit the answer" });
    await userEvent.clear(editor);
    await userEvent.type(editor, "Saturday: the Musée d'Orsay. Sunday: the Catacombs.");
    await userEvent.click(answer.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(sink.events).toHaveLength(1));
    await expect(sink.events[0]).toMatchObject({
      type: "edit",
      final: "Saturday: the Musée d'Orsay. Sunday: the Catacombs.",
      accepted: false,
    });
    await expect(sink.events[0]).toHaveProperty("draft", expect.stringContaining("Passage des Panoramas"));
    await expect(answer.getByText(/^What changed/)).toBeVisible();
    await expect(answer.getByText("Saturday: the Musée d'Orsay. Sunday: the Catacombs.")).toBeVisible();
  },
};

/**
 * Scrolled up to an earlier answer, "Jump to latest" appears and brings the end of the conversation back;
 * only the conversation scrolls, never the page around it.
 */
export const JumpToLatest: Story = {
  args: { speed: "instant", initialQuestions: [DEBOUNCE, PARIS, SQL] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const conversation = canvas.getByRole("list", { name: "Conversation" });
    const scroller = conversation.parentElement as HTMLElement;
    await waitFor(() => expect(scroller.scrollTop).toBeGreaterThan(0));
    await expect(canvas.queryByRole("button", { name: "Jump to latest" })).toBeNull();
    scroller.scrollTop = 0;
    const jump = await canvas.findByRole("button", { name: "Jump to latest" });
    await userEvent.click(jump);
    await waitFor(() => expect(scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight).toBeLessThan(2));
    await waitFor(() => expect(canvas.queryByRole("button", { name: "Jump to latest" })).toBeNull());
    await expect(canvasElement.ownerDocument.scrollingElement?.scrollTop ?? 0).toBe(0);
  },
};

/** The suggested questions offer only what was not asked yet: two are asked when the chat opens. */
export const SuggestionsNotAskedYet: Story = {
  args: { speed: "instant" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const chips = canvas.getByRole("list", { name: "Suggested questions" });
    await expect(
      within(chips)
        .getAllByRole("button")
        .map((chip) => chip.textContent),
    ).toEqual([SQL]);
    await userEvent.click(within(chips).getByRole("button", { name: SQL }));
    await canvas.findByRole("article", { name: "Assistant answer 3" });
    await expect(canvas.queryByRole("list", { name: "Suggested questions" })).toBeNull();
  },
};

/** Ask in the composer: the answer streams in, is announced once when done, and is ready for feedback. */
export const AskQuestion: Story = {
  args: { speed: "instant", initialQuestions: [] },
  play: async ({ canvasElement, loaded }) => {
    const sink = loaded.feedbackSink as MemorySink;
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole("textbox", { name: "Your question" }), `${SQL}{Enter}`);
    const answer = await canvas.findByRole("article", { name: "Assistant answer 1" });
    await waitFor(() => expect(answer).toHaveAttribute("data-state", "done"));
    await waitFor(() => expect(canvas.getByText(/^Answer ready/)).toBeInTheDocument());
    await userEvent.click(within(answer).getByRole("button", { name: "Good response" }));
    await waitFor(() => expect(sink.events).toHaveLength(1));
    await expect(sink.events[0]).toMatchObject({
      type: "rating",
      value: "up",
      prompt: [{ role: "user", content: SQL }],
    });
  },
};

/** The assistant drafts a follow-up into the composer; the user edits it and sends: an `edit` of the draft. */
export const EditSuggestedQuestion: Story = {
  args: { speed: "instant" },
  play: async ({ canvasElement, loaded }) => {
    const sink = loaded.feedbackSink as MemorySink;
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Suggest a follow-up" }));
    const input = canvas.getByRole("textbox", { name: "Your question" });
    await waitFor(() => expect(input).toHaveValue(PARIS_FOLLOW_UP));
    await expect(input).toHaveFocus();
    await userEvent.clear(input);
    await userEvent.type(input, "Which museums in Paris should I book ahead?{Enter}");
    await waitFor(() => expect(sink.events).toHaveLength(1));
    await expect(sink.events[0]).toMatchObject({
      type: "edit",
      draft: PARIS_FOLLOW_UP,
      final: "Which museums in Paris should I book ahead?",
      accepted: false,
    });
    await expect(canvas.getByRole("article", { name: "Assistant answer 3" })).toBeInTheDocument();
  },
};
