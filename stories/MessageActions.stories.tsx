import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import {
  CopyButton,
  EditableMessage,
  EditButton,
  FeedbackMessage,
  MessageActions,
  type MessageActionsProps,
  RegenerateButton,
  ThumbsFeedback,
} from "../src";
import { StateCell, StateGrid } from "./support/StateGrid";
import { ThemeFrames } from "./support/ThemeFrames";

const ANSWER = "The Eiffel Tower was finished in 1889 for the World's Fair, and it is 330 m tall today.";

/** One answer with every action: the shape a chat app renders under each assistant message. */
function Answer({
  id = "msg-1",
  onRegenerate = () => new Promise<void>((resolve) => setTimeout(resolve, 1500)),
  ...props
}: Omit<MessageActionsProps, "children"> & { id?: string; onRegenerate?: () => void | Promise<void> }) {
  return (
    <FeedbackMessage messageId={id} traceId="4bf92f3577b34da6a3ce929d0e0e4736" content={ANSWER}>
      <EditableMessage draft={ANSWER} />
      <MessageActions {...props}>
        <CopyButton />
        <RegenerateButton onRegenerate={onRegenerate} />
        <EditButton />
        <ThumbsFeedback followUpOn={["up", "down"]} />
      </MessageActions>
    </FeedbackMessage>
  );
}

const meta = {
  title: "Widgets/MessageActions",
  component: MessageActions,
  args: { reveal: "always" },
  render: (args) => (
    <div style={{ fontFamily: "system-ui, sans-serif", maxWidth: 640 }}>
      <Answer {...args} />
    </div>
  ),
  parameters: {
    docs: {
      description: {
        component:
          'One bar for a message\'s actions: copy, regenerate, edit (the pencil opens the `EditableMessage` of the same message) and the thumbs, in one row. The follow-up form and the thank-you open in a panel under the row, so no button moves. A WAI-ARIA toolbar: one Tab stop per message, arrow keys between the buttons, Home and End. `reveal="hover"` hides it until the message is hovered or focused (always shown on touch screens, while a form is open and while a vote is pressed).',
      },
    },
  },
} satisfies Meta<typeof MessageActions>;

export default meta;
type Story = StoryObj<typeof meta>;

const rects = (canvas: ReturnType<typeof within>) =>
  within(canvas.getByRole("toolbar", { name: "Message actions" }))
    .getAllByRole("button")
    .map((button) => JSON.stringify(button.getBoundingClientRect()));

/** The keyboard: one Tab stop, arrows between the buttons, Home and End. */
export const Keyboard: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvasElement);
    await userEvent.tab();
    await expect(canvas.getByRole("button", { name: "Copy" })).toHaveFocus();
    await userEvent.keyboard("{ArrowRight}");
    await expect(canvas.getByRole("button", { name: "Regenerate" })).toHaveFocus();
    await userEvent.keyboard("{End}");
    await expect(canvas.getByRole("button", { name: "Bad response" })).toHaveFocus();
    await userEvent.keyboard("{Home}");
    await expect(canvas.getByRole("button", { name: "Copy" })).toHaveFocus();
  },
};

/** A thumbs-down opens the form under the row; no button moves, and the thanks appear in the same place. */
export const FormOpensBelow: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const before = rects(canvas);
    await userEvent.click(canvas.getByRole("button", { name: "Bad response" }));
    await expect(await canvas.findByRole("form", { name: "What went wrong?" })).toBeVisible();
    await expect(rects(canvas)).toEqual(before);
    await userEvent.click(canvas.getByRole("button", { name: "Made things up" }));
    await userEvent.click(canvas.getByRole("button", { name: "Submit" }));
    await expect(canvas.getByText("Thanks for your feedback")).toBeVisible();
    await expect(canvas.getByRole("button", { name: "Bad response" })).toHaveFocus();
    await expect(rects(canvas)).toEqual(before);
    const sink = loaded.feedbackSink as { events: unknown[] };
    await waitFor(() => expect(sink.events).toHaveLength(2));
  },
};

/** The pencil opens the message's editor; Save sends an `edit` event and gives the focus back to the pencil. */
export const EditFromTheBar: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Edit" }));
    const editor = canvas.getByRole("textbox", { name: "Edit message" });
    await expect(editor).toHaveFocus();
    await userEvent.clear(editor);
    await userEvent.type(editor, "The Eiffel Tower was finished in 1889; it is 330 m tall.");
    await userEvent.click(canvas.getByRole("button", { name: "Save" }));
    await expect(canvas.getByRole("button", { name: "Edit" })).toHaveFocus();
  },
};

/** `reveal="hover"`: hidden until the message is hovered or focused; shown on touch screens. */
export const RevealOnHover: Story = {
  args: { reveal: "hover" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const bar = canvas.getByRole("toolbar", { name: "Message actions" });
    const coarse = window.matchMedia("(hover: none), (pointer: coarse)").matches;
    await expect(getComputedStyle(bar).opacity).toBe(coarse ? "1" : "0");
    // The keyboard finds it: focus within shows it (a mouse over the message does too, in the stylesheet).
    await userEvent.click(canvasElement);
    await userEvent.tab();
    await expect(canvas.getByRole("button", { name: "Copy" })).toHaveFocus();
    await waitFor(() => expect(getComputedStyle(bar).opacity).toBe("1"));
    // A pressed vote keeps it in view once the focus has left.
    await userEvent.keyboard("{End}{ArrowLeft}{Enter}");
    await userEvent.click(canvas.getByRole("button", { name: "Cancel" }));
    (document.activeElement as HTMLElement | null)?.blur();
    await waitFor(() => expect(getComputedStyle(bar).opacity).toBe("1"));
  },
};

/** Every state side by side, for visual review: rest, voted, form open, thanks, copied, regenerating, editing. */
export const EveryState: Story = {
  // "Copied" and the thanks end on timers: held while the story is shown, so the review sees them.
  parameters: { holdStates: true },
  render: () => (
    <StateGrid>
      <StateCell title="Rest">
        <Answer id="rest" />
      </StateCell>
      <StateCell title="Hidden until hover (reveal=hover)">
        <Answer id="hover" reveal="hover" />
      </StateCell>
      <StateCell title="Voted up">
        <Answer id="voted" />
      </StateCell>
      <StateCell title="Form open">
        <Answer id="form" />
      </StateCell>
      <StateCell title="Thanks">
        <Answer id="thanks" />
      </StateCell>
      <StateCell title="Copied">
        <Answer id="copied" />
      </StateCell>
      <StateCell title="Regenerating">
        <Answer id="pending" onRegenerate={() => new Promise(() => {})} />
      </StateCell>
      <StateCell title="Editing">
        <Answer id="editing" />
      </StateCell>
    </StateGrid>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const cell = (name: string) => within(canvas.getByRole("region", { name }));
    await userEvent.click(cell("Voted up").getByRole("button", { name: "Good response" }));
    await userEvent.click(cell("Voted up").getByRole("button", { name: "Cancel" }));
    await userEvent.click(cell("Form open").getByRole("button", { name: "Bad response" }));
    await userEvent.click(cell("Form open").getByRole("button", { name: "Wrong format" }));
    await userEvent.click(cell("Thanks").getByRole("button", { name: "Bad response" }));
    await userEvent.click(cell("Thanks").getByRole("button", { name: "Submit" }));
    await userEvent.click(cell("Copied").getByRole("button", { name: "Copy" }));
    await userEvent.click(cell("Regenerating").getByRole("button", { name: "Regenerate" }));
    await userEvent.click(cell("Editing").getByRole("button", { name: "Edit" }));
    await expect(cell("Thanks").getByText("Thanks for your feedback")).toBeVisible();
    await expect(cell("Regenerating").getByRole("button", { name: "Regenerating…" })).toBeVisible();
  },
};

/** Light, dark and right to left, each with the form open. */
export const LightDarkAndRtl: Story = {
  // The whole width for the frames: on a phone there is no room for the event log beside them.
  parameters: { feedback: { log: false } },
  render: () => (
    <ThemeFrames>
      {(frame) => (
        // Four open forms on one page need four names (axe: landmark-unique).
        <Answer
          id={`frame-${frame.id}`}
          onRegenerate={fn()}
          labels={{ formTitleDown: `What went wrong? (${frame.title.toLowerCase()})` }}
        />
      )}
    </ThemeFrames>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (const down of canvas.getAllByRole("button", { name: "Bad response" })) await userEvent.click(down);
    await expect(canvas.getAllByRole("form", { name: /^What went wrong\?/ })).toHaveLength(4);
  },
};
