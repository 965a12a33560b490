import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import "../src/insights/insights.css";
import {
  AbandonChart,
  AnswersToReview,
  CopyChart,
  EditsChart,
  ErrorModesChart,
  FeedbackInsights,
  PreferencesChart,
  RegenerateChart,
  SignalVolumeChart,
  summarize,
  ThumbsShareChart,
} from "../src/insights";
import { insightsFixture } from "../test/insights/insightsFixture";
import { seededSummary } from "./support/insightsData";

const TRACE_URL = "https://cloud.langfuse.com/project/demo/traces/{traceId}";
const empty = () => seededSummary(0);

const meta = {
  title: "Insights/Dashboard",
  component: FeedbackInsights,
  args: { summary: empty(), traceUrl: TRACE_URL },
  parameters: {
    layout: "fullscreen",
    feedback: { log: false },
    docs: {
      description: {
        component:
          "What users think of the answers, from `summarize(events)`: volumes per day, the thumbs-up share per split with 95% Wilson intervals, error modes, edits, regenerates, abandonment, copies, choices between two answers (by source and strength, when the app asks or keeps versions) and the answers worth a look. Each chart is one Tab stop (arrow keys read its bars) and has a table view. `react-feedback-loop/insights`.",
      },
    },
  },
  decorators: [
    (Story) => (
      <div style={{ padding: "1rem", background: "var(--rfl-bg)", minHeight: "100vh" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof FeedbackInsights>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A store with nothing in it yet: every chart says so instead of drawing an empty axis. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("0 events about 0 answers.")).toBeInTheDocument();
  },
};

/** Two days, nine answers, counted by hand in the tests: every figure can be checked by eye. */
export const Small: Story = {
  loaders: [async () => ({ summary: await summarize(insightsFixture(), { splitBy: "metadata.model" }) })],
  render: (args, { loaded }) => (
    <FeedbackInsights {...args} summary={loaded.summary} downloadHref={(format) => `#${format}`} />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("17 events about 9 answers.")).toBeInTheDocument();
    // The chart reads its bars from the keyboard, and swaps for a table.
    const chart = canvas.getByRole("group", { name: "Thumbs-up share" });
    chart.focus();
    await userEvent.keyboard("{ArrowRight}");
    await expect(within(chart).getByText(/All answers: 33.3% up/, { selector: "[aria-live]" })).toBeInTheDocument();
    const thumbs = chart.closest("figure") as HTMLElement;
    await userEvent.click(within(thumbs).getByRole("button", { name: "Show as table" }));
    const table = within(thumbs).getByRole("table");
    await expect(within(table).getByRole("rowheader", { name: "model-a" })).toBeInTheDocument();
    // Message text stays text: the comment's markup is shown, not parsed.
    await expect(canvas.getAllByText("Invented a <b>flag</b>").length).toBeGreaterThan(0);
    await expect(canvas.getByRole("link", { name: "Download KTO rows" })).toHaveAttribute("href", "#kto");
  },
};

/** A month of a support bot's feedback: prompt v2 against v1. */
export const Month: Story = {
  args: { summary: seededSummary(20_000) },
};

/** The summary of a million events, the scale the collector serves. */
export const MillionEvents: Story = {
  loaders: [async () => ({ summary: seededSummary(1_700_000) })],
  render: (args, { loaded }) => <FeedbackInsights {...args} summary={loaded.summary} />,
  play: async ({ canvasElement }) => {
    const totals = canvasElement.querySelector(".rfl-insights-totals") as HTMLElement;
    const events = Number(totals.textContent?.replaceAll(",", "").match(/\d+/)?.[0]);
    await expect(events).toBeGreaterThan(1_000_000);
  },
};

/** The dark theme: chart colours switch to the dark Okabe–Ito set. */
export const Dark: Story = {
  args: { summary: seededSummary(20_000) },
  decorators: [
    (Story) => (
      <div data-theme="dark" style={{ background: "var(--rfl-bg)", color: "var(--rfl-fg)" }}>
        <Story />
      </div>
    ),
  ],
};

/** Right to left: text and controls mirror; the charts' time axes keep reading from left to right. */
export const RightToLeft: Story = {
  args: { summary: seededSummary(20_000) },
  decorators: [
    (Story) => (
      <div dir="rtl">
        <Story />
      </div>
    ),
  ],
};

const month = seededSummary(20_000);

/** Each chart on its own, as an app composes its own page. */
export const EachChart: Story = {
  render: () => (
    <div style={{ display: "grid", gap: "1rem" }}>
      <SignalVolumeChart summary={month} />
      <ThumbsShareChart summary={month} />
      <ErrorModesChart summary={month} traceUrl={TRACE_URL} />
      <EditsChart summary={month} />
      <RegenerateChart summary={month} />
      <AbandonChart summary={month} />
      <CopyChart summary={month} />
      <PreferencesChart summary={month} />
      <AnswersToReview summary={month} traceUrl={TRACE_URL} />
    </div>
  ),
};
