import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { type AnswerVersion, ComparePrompt, type MemorySink } from "../src";
import { labels as ja } from "../src/locales/ja";
import { StateCell, StateGrid } from "./support/StateGrid";
import { ThemeFrames } from "./support/ThemeFrames";

const PROMPT = [{ role: "user", content: "Plan a rainy weekend in Paris." }];

/** The answer before a regenerate and the one after it, with their own ids and traces. */
function pair(prefix: string): { a: AnswerVersion; b: AnswerVersion } {
  return {
    a: {
      messageId: `${prefix}-first`,
      content:
        "Saturday: start at the Musée d'Orsay when it opens, lunch in the covered Passage des Panoramas, then the Sainte-Chapelle in the afternoon light.\nSunday: the Catacombs (book ahead).",
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      spanId: "00f067aa0ba902b7",
      prompt: PROMPT,
    },
    b: {
      messageId: `${prefix}-second`,
      content:
        "Keep each day under one roof for the wettest hours. Saturday is the Louvre's Richelieu wing and the galleries of the Palais-Royal; Sunday is the Musée de l'Orangerie.",
      traceId: "5bf92f3577b34da6a3ce929d0e0e4737",
      spanId: "10f067aa0ba902b8",
      prompt: PROMPT,
    },
  };
}

const preferences = (sink: MemorySink) => sink.events.filter((event) => event.type === "preference");

const meta = {
  title: "Widgets/ComparePrompt",
  component: ComparePrompt,
  args: { ...pair("story"), onChoice: fn(), onOpenChange: fn() },
  // The pairs asked about are remembered for the browser tab: each story has its own pair, and starts with none.
  beforeEach: () => sessionStorage.removeItem("react-feedback-loop:pairs"),
  parameters: {
    docs: {
      description: {
        component:
          '"Which response is better?" after a regenerate: both answers side by side (stacked when narrow), "This one" under each, "About the same" and "Skip". A choice emits `preference` with `source: "compare"` (`strength: "clear"`, or `"tie"`); Skip emits nothing. It takes the focus when it opens and gives it back when it closes; `sample` decides how often it appears, and it never appears twice for the same pair.',
      },
    },
  },
} satisfies Meta<typeof ComparePrompt>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Open: the group takes the focus, Tab reaches "This one" under the first answer. */
export const Open: Story = {
  args: pair("open"),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const prompt = await canvas.findByRole("group", { name: "Which response is better?" });
    await waitFor(() => expect(prompt).toHaveFocus());
    await userEvent.tab();
    await expect(canvas.getByRole("button", { name: "This one Response 1" })).toHaveFocus();
  },
};

/** "This one" under the second answer: a clear preference for it, then the thank-you. */
export const ChosenThanks: Story = {
  args: pair("chosen"),
  play: async ({ canvasElement, loaded, args }) => {
    const sink = loaded.feedbackSink as MemorySink;
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: "This one Response 2" }));
    await expect(canvas.getByText("Thanks for your feedback")).toBeVisible();
    await expect(canvas.queryByRole("group", { name: "Which response is better?" })).toBeNull();
    await waitFor(() => expect(preferences(sink)).toHaveLength(1));
    await expect(preferences(sink)[0]).toMatchObject({
      source: "compare",
      strength: "clear",
      messageId: "chosen-second",
      rejectedMessageId: "chosen-first",
      rejectedTraceId: "4bf92f3577b34da6a3ce929d0e0e4736",
    });
    await expect(args.onChoice).toHaveBeenCalledWith("b");
    await expect(args.onOpenChange).toHaveBeenCalledWith(false);
  },
};

/** "About the same": a tie, reported on the first answer. */
export const Tie: Story = {
  args: pair("tie"),
  play: async ({ canvasElement, loaded }) => {
    const sink = loaded.feedbackSink as MemorySink;
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: "About the same" }));
    await waitFor(() => expect(preferences(sink)).toHaveLength(1));
    await expect(preferences(sink)[0]).toMatchObject({ strength: "tie", messageId: "tie-first" });
    await expect(canvas.getByText("Thanks for your feedback")).toBeVisible();
  },
};

/** Skip closes it and sends nothing. */
export const Skipped: Story = {
  args: pair("skipped"),
  play: async ({ canvasElement, loaded, args }) => {
    const sink = loaded.feedbackSink as MemorySink;
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: "Skip" }));
    await expect(canvas.queryByRole("group", { name: "Which response is better?" })).toBeNull();
    await expect(canvas.queryByText("Thanks for your feedback")).toBeNull();
    await expect(args.onChoice).toHaveBeenCalledWith("skip");
    await expect(preferences(sink)).toEqual([]);
  },
};

/** `sample={0.1}` and a draw of 0.5: this pair is not asked about, and the app hears `onOpenChange(false)`. */
export const SampledOut: Story = {
  args: { ...pair("sampled-out"), sample: 0.1, random: () => 0.5 },
  play: async ({ canvasElement, args }) => {
    await waitFor(() => expect(args.onOpenChange).toHaveBeenCalledWith(false));
    await expect(within(canvasElement).queryByRole("group")).toBeNull();
  },
};

/** Light, dark and right to left, each frame narrow: the answers stacked. */
export const ThemesAndDirection: Story = {
  render: () => <ThemeFrames>{(frame) => <ComparePrompt {...pair(`theme-${frame.id}`)} defaultOpen />}</ThemeFrames>,
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(within(canvasElement).getAllByRole("group", { name: "Which response is better?" })).toHaveLength(4),
    );
  },
};

/** In Japanese (a shipped language pack), and after the choice. */
export const Language: Story = {
  render: () => (
    <StateGrid>
      <StateCell title="日本語">
        <ComparePrompt {...pair("ja")} labels={ja} />
      </StateCell>
    </StateGrid>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const prompt = await canvas.findByRole("group", { name: ja.compareTitle });
    await userEvent.click(within(prompt).getByRole("button", { name: ja.compareTie }));
    await expect(canvas.getByText(ja.thanks)).toBeVisible();
  },
};
