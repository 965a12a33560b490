import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { DiffView, diffWords } from "../src";
import { ThemeFrames } from "./support/ThemeFrames";

const DRAFT = "Your refund of $40 was issued today and should arrive within 5 business days. 東京へ行く 👍";
const FINAL = "Your refund of $45 was issued this morning and should arrive within 3 business days. 京都へ行く 👍🏽";

const meta = {
  title: "Edits/DiffView",
  component: DiffView,
  args: { diff: diffWords(DRAFT, FINAL).diff },
  parameters: {
    docs: {
      description: {
        component:
          "Shows a word-level diff inline: `<del>` for removed text, `<ins>` for added text, each preceded by a word only screen readers hear. Text only, never HTML. Use it to review edits, e.g. the `diff` of an `edit` event.",
      },
    },
  },
} satisfies Meta<typeof DiffView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A corrected answer: numbers changed, a phrase replaced, CJK compared by character, an emoji swapped. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const removed = canvasElement.querySelectorAll("del");
    const added = canvasElement.querySelectorAll("ins");
    await expect(removed.length).toBeGreaterThan(0);
    await expect(added.length).toBe(removed.length);
    await expect(removed[0]).toHaveTextContent("[removed: 40]");
    await expect(added[0]).toHaveTextContent("[added: 45]");
    await expect(canvas.getByText(/Your refund of/)).toBeInTheDocument();
  },
};

/** An unchanged text: no markup at all. */
export const Unchanged: Story = {
  args: { diff: diffWords(DRAFT, DRAFT).diff },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll("ins, del")).toHaveLength(0);
  },
};

/** Folded under "What changed" with its counts, as under a message. */
export const Collapsible: Story = {
  args: { collapsible: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const summary = canvas.getByText("What changed");
    await expect(canvas.getByText(/words? added, \d+ words? removed/)).toBeVisible();
    summary.click();
    await expect(canvasElement.querySelector("del")).toBeVisible();
  },
};

/** Light, dark and right to left. */
export const LightDarkAndRtl: Story = {
  render: (args) => <ThemeFrames>{() => <DiffView diff={args.diff} />}</ThemeFrames>,
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll("ins").length).toBeGreaterThan(0);
  },
};
