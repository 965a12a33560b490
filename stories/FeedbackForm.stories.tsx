import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { FeedbackForm, FeedbackMessage, type MemorySink } from "../src";
import { StateCell, StateGrid } from "./support/StateGrid";
import { ThemeFrames } from "./support/ThemeFrames";

const meta = {
  title: "Widgets/FeedbackForm",
  component: FeedbackForm,
  args: { rating: "down", onCancel: fn(), onSubmitted: fn() },
  decorators: [
    (Story) => (
      <FeedbackMessage messageId="msg-1" content="Use `npm i left-pad` and restart the server.">
        <Story />
      </FeedbackMessage>
    ),
  ],
  parameters: {
    docs: {
      description: {
        component:
          "The follow-up form `ThumbsFeedback` opens after a vote, also usable on its own: reason chips (multi-select; the contract's error modes by default), an optional comment with a limit and counter, submit and cancel. Submitting emits a `rating` with the same `feedbackKey`, carrying `reasons` and `comment`. States: idle, submitting, submitted, error with retry.",
      },
    },
  },
} satisfies Meta<typeof FeedbackForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Choose reasons, write a comment, submit: one `rating` event with both. */
export const Idle: Story = {
  play: async ({ canvasElement, loaded, args }) => {
    const sink = loaded.feedbackSink as MemorySink;
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Wrong format" }));
    await userEvent.click(canvas.getByRole("button", { name: "Ignored my request" }));
    await userEvent.type(canvas.getByRole("textbox", { name: "Comment (optional)" }), "I asked for a table.");
    await userEvent.click(canvas.getByRole("button", { name: "Submit" }));
    await expect(canvas.getByRole("status")).toHaveTextContent("Thanks for your feedback");
    await waitFor(() => expect(sink.events).toHaveLength(1));
    await expect(sink.events[0]).toMatchObject({
      type: "rating",
      value: "down",
      feedbackKey: "msg-1:rating",
      reasons: ["format", "instructions"],
      comment: "I asked for a table.",
    });
    await expect(args.onSubmitted).toHaveBeenCalledOnce();
  },
};

/** The comment stops at its limit; the counter turns red when full. */
export const CommentLimit: Story = {
  args: { commentMaxLength: 20 },
  play: async ({ canvasElement, loaded }) => {
    const sink = loaded.feedbackSink as MemorySink;
    const canvas = within(canvasElement);
    const comment = canvas.getByRole("textbox", { name: "Comment (optional)" });
    await userEvent.type(comment, "This is far too long to fit");
    await expect(comment).toHaveValue("This is far too long");
    await expect(canvas.getByText("20 / 20")).toBeVisible();
    await userEvent.click(canvas.getByRole("button", { name: "Submit" }));
    await waitFor(() => expect(sink.events).toHaveLength(1));
    await expect(sink.events[0]).toMatchObject({ comment: "This is far too long" });
  },
};

/** While the app's `onSubmit` runs, the form is busy. */
export const Submitting: Story = {
  args: { onSubmit: () => new Promise<void>(() => {}) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Submit" }));
    await expect(canvas.getByRole("form", { name: "What went wrong?" })).toHaveAttribute("data-state", "submitting");
    await expect(canvas.getByRole("button", { name: "Sending…" })).toHaveAttribute("aria-disabled", "true");
  },
};

/** When the app's `onSubmit` fails, an error and a retry; the event goes out once it succeeds. */
export const ErrorWithRetry: Story = {
  args: {
    onSubmit: (() => {
      let calls = 0;
      return async () => {
        calls++;
        if (calls === 1) throw new Error("offline");
      };
    })(),
  },
  play: async ({ canvasElement, loaded }) => {
    const sink = loaded.feedbackSink as MemorySink;
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Too long or too short" }));
    await userEvent.click(canvas.getByRole("button", { name: "Submit" }));
    await expect(await canvas.findByRole("alert")).toHaveTextContent("Your feedback could not be sent.");
    await expect(sink.events).toHaveLength(0);
    await userEvent.click(canvas.getByRole("button", { name: "Try again" }));
    await expect(await canvas.findByText("Thanks for your feedback")).toBeVisible();
    await waitFor(() => expect(sink.events).toHaveLength(1));
    await expect(sink.events[0]).toMatchObject({ reasons: ["length"] });
  },
};

/** Cancel (or Escape) closes without sending anything. */
export const Cancel: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.keyboard("{Escape}");
    await expect(args.onCancel).toHaveBeenCalledOnce();
    await userEvent.click(canvas.getByRole("button", { name: "Cancel" }));
    await expect(args.onCancel).toHaveBeenCalledTimes(2);
  },
};

/** Every state side by side: idle after down, idle after up, chips chosen, full comment, submitting, error, submitted. */
export const AllStates: Story = {
  render: () => (
    <StateGrid>
      <StateCell title="Idle (down)">
        <FeedbackForm
          messageId="a"
          rating="down"
          autoFocus={false}
          labels={{ formTitleDown: "What went wrong? (idle)" }}
        />
      </StateCell>
      <StateCell title="Idle (up)">
        <FeedbackForm messageId="b" rating="up" autoFocus={false} />
      </StateCell>
      <StateCell title="Submitting">
        <FeedbackForm
          messageId="c"
          rating="down"
          autoFocus={false}
          reasons={["hallucination", "other"]}
          labels={{ submit: "Submit (submitting)", formTitleDown: "What went wrong? (submitting)" }}
          onSubmit={() => new Promise<void>(() => {})}
        />
      </StateCell>
      <StateCell title="Error with retry">
        <FeedbackForm
          messageId="d"
          rating="down"
          autoFocus={false}
          reasons={["hallucination", "other"]}
          labels={{ submit: "Submit (error)", formTitleDown: "What went wrong? (error)" }}
          onSubmit={() => Promise.reject(new Error("offline"))}
        />
      </StateCell>
      <StateCell title="Submitted">
        <FeedbackForm
          messageId="e"
          rating="down"
          autoFocus={false}
          reasons={["other"]}
          labels={{ submit: "Submit (submitted)", formTitleDown: "What went wrong? (submitted)" }}
        />
      </StateCell>
    </StateGrid>
  ),
  play: async ({ canvasElement, loaded }) => {
    const sink = loaded.feedbackSink as MemorySink;
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Submit (submitting)" }));
    await userEvent.click(canvas.getByRole("button", { name: "Submit (error)" }));
    await userEvent.click(canvas.getByRole("button", { name: "Submit (submitted)" }));
    await expect(await canvas.findByRole("alert")).toBeVisible();
    await expect(canvas.getByText("Thanks for your feedback")).toBeVisible();
    await waitFor(() => expect(sink.events).toHaveLength(1));
    await expect(sink.events[0]).toMatchObject({ messageId: "e", type: "rating" });
  },
};

/** Light, dark and right to left: chips, counter and buttons mirror. */
export const LightDarkAndRtl: Story = {
  args: { rating: "down" },
  render: () => (
    <ThemeFrames>
      {(frame) => (
        <FeedbackMessage messageId={`form-${frame.id}`}>
          <FeedbackForm
            rating="down"
            autoFocus={false}
            labels={{ formTitleDown: `What went wrong? (${frame.title.toLowerCase()})` }}
          />
        </FeedbackMessage>
      )}
    </ThemeFrames>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (const chip of canvas.getAllByRole("button", { name: "Wrong format" })) await userEvent.click(chip);
    await expect(canvas.getAllByRole("form", { name: /^What went wrong\?/ })).toHaveLength(4);
  },
};
