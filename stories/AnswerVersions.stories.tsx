import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import {
  type AnswerVersion,
  AnswerVersions,
  CopyButton,
  FeedbackMessage,
  type MemorySink,
  MessageActions,
  RegenerateButton,
  ThumbsFeedback,
} from "../src";
import { labels as ar } from "../src/locales/ar";
import { labels as de } from "../src/locales/de";
import { StateCell, StateGrid } from "./support/StateGrid";
import { ThemeFrames } from "./support/ThemeFrames";

const PROMPT = [{ role: "user", content: "How long should a debounce wait?" }];

/** Three answers a regenerate produced for one question, each with its own ids and trace. */
function answers(prefix: string): AnswerVersion[] {
  return [
    {
      messageId: `${prefix}-1`,
      content: "About 300 ms: long enough to skip a burst of keystrokes, short enough to feel instant.",
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      prompt: PROMPT,
    },
    {
      messageId: `${prefix}-2`,
      content: "Between 200 and 300 ms for search boxes; 100 ms for resize handlers.",
      traceId: "5bf92f3577b34da6a3ce929d0e0e4737",
      prompt: PROMPT,
    },
    {
      messageId: `${prefix}-3`,
      content: "It depends on the event: measure how often it fires, then wait a little longer than the gap.",
      traceId: "6bf92f3577b34da6a3ce929d0e0e4738",
      prompt: PROMPT,
    },
  ];
}

/** One version as a chat shows it: the text and the message action bar, where the stepper goes first. */
function Answer({ version }: { version: AnswerVersion }) {
  return (
    <FeedbackMessage messageId={version.messageId} traceId={version.traceId} content={version.content}>
      <p style={{ margin: "0 0 0.25rem" }}>{version.content}</p>
      <MessageActions>
        <CopyButton />
        <RegenerateButton onRegenerate={() => {}} />
        <ThumbsFeedback />
      </MessageActions>
    </FeedbackMessage>
  );
}

function Versions({
  versions,
  defaultIndex,
  onIndexChange,
}: {
  versions: AnswerVersion[];
  defaultIndex?: number;
  onIndexChange?: (index: number) => void;
}) {
  return (
    <div style={{ fontFamily: "system-ui, sans-serif", maxInlineSize: "40rem" }}>
      <AnswerVersions
        versions={versions}
        {...(defaultIndex !== undefined && { defaultIndex })}
        {...(onIndexChange && { onIndexChange })}
      >
        {(version) => <Answer version={version} />}
      </AnswerVersions>
    </div>
  );
}

const meta = {
  title: "Widgets/AnswerVersions",
  component: Versions,
  args: { versions: answers("story"), onIndexChange: fn() },
  parameters: {
    docs: {
      description: {
        component:
          'Every answer a regenerate produced for one place in the conversation, one shown at a time, with "‹ 2 / 3 ›" first in its action bar. Each version is a message of its own (its own id, trace and widgets). Each step is announced ("Answer 2 of 3"); the buttons stay focusable at the ends. A copy or a vote up on a version the user stepped back to, or the conversation continuing from it (`continued`), emits a slight `preference` with `source: "kept"`.',
      },
    },
  },
} satisfies Meta<typeof Versions>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Newest first: Tab reaches "Previous answer", Enter steps back, the focus stays, the position changes. */
export const Stepping: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("3 / 3")).toBeVisible();
    await userEvent.tab();
    const previous = canvas.getByRole("button", { name: "Previous answer" });
    await expect(previous).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    await expect(canvas.getByText("2 / 3")).toBeVisible();
    await expect(canvas.getByText(/Between 200 and 300 ms/)).toBeVisible();
    await expect(canvas.getByRole("button", { name: "Previous answer" })).toHaveFocus();
    await expect(args.onIndexChange).toHaveBeenLastCalledWith(1);
  },
};

/** Stepped back to the first answer and copied it: a slight preference for it over the newest. */
export const KeptByCopy: Story = {
  play: async ({ canvasElement, loaded }) => {
    const sink = loaded.feedbackSink as MemorySink;
    const canvas = within(canvasElement);
    const writeText = fn(async (_text: string) => {});
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    try {
      await userEvent.click(canvas.getByRole("button", { name: "Previous answer" }));
      await userEvent.click(canvas.getByRole("button", { name: "Previous answer" }));
      await userEvent.click(canvas.getByRole("button", { name: "Copy" }));
      await waitFor(() => expect(sink.events.filter((event) => event.type === "preference")).toHaveLength(1));
      await expect(sink.events.find((event) => event.type === "preference")).toMatchObject({
        source: "kept",
        strength: "slight",
        messageId: "story-1",
        rejectedMessageId: "story-3",
      });
    } finally {
      Reflect.deleteProperty(navigator, "clipboard");
    }
  },
};

/** First, middle and last of three, and a single answer (no stepper at all). */
export const AllStates: Story = {
  render: () => (
    <StateGrid>
      <StateCell title="First of three">
        <Versions versions={answers("first")} defaultIndex={0} />
      </StateCell>
      <StateCell title="Middle">
        <Versions versions={answers("middle")} defaultIndex={1} />
      </StateCell>
      <StateCell title="Last (the default)">
        <Versions versions={answers("last")} />
      </StateCell>
      <StateCell title="Single answer">
        <Versions versions={answers("single").slice(0, 1)} />
      </StateCell>
    </StateGrid>
  ),
};

/** Light, dark and right to left: the chevrons point the way the text reads, "2 / 3" reads left to right. */
export const ThemesAndDirection: Story = {
  render: () => (
    <ThemeFrames>{(frame) => <Versions versions={answers(`theme-${frame.id}`)} defaultIndex={1} />}</ThemeFrames>
  ),
};

/** German and Arabic labels (a shipped language pack on the provider, or here on the component). */
export const Languages: Story = {
  render: () => (
    <StateGrid>
      <StateCell title="Deutsch">
        <AnswerVersions versions={answers("de")} labels={de} defaultIndex={1}>
          {(version) => (
            <FeedbackMessage messageId={version.messageId} content={version.content}>
              <p lang="en">{version.content}</p>
              <MessageActions labels={de}>
                <CopyButton />
              </MessageActions>
            </FeedbackMessage>
          )}
        </AnswerVersions>
      </StateCell>
      <StateCell title="العربية">
        <div dir="rtl">
          <AnswerVersions versions={answers("ar")} labels={ar} defaultIndex={1}>
            {(version) => (
              <FeedbackMessage messageId={version.messageId} content={version.content}>
                <p lang="en" dir="ltr">
                  {version.content}
                </p>
                <MessageActions labels={ar}>
                  <CopyButton />
                </MessageActions>
              </FeedbackMessage>
            )}
          </AnswerVersions>
        </div>
      </StateCell>
    </StateGrid>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("group", { name: de.answerVersions })).toBeVisible();
    await expect(canvas.getByRole("button", { name: ar.nextAnswer })).toBeVisible();
    await expect(canvas.getByText("Antwort 2 von 3")).toBeInTheDocument();
  },
};

/** With no action bar in the version, the stepper gets a row of its own under it. */
export const WithoutActionBar: Story = {
  render: () => (
    <AnswerVersions versions={answers("plain")}>
      {(version) => (
        <FeedbackMessage messageId={version.messageId} content={version.content}>
          <p style={{ margin: 0, fontFamily: "system-ui, sans-serif" }}>{version.content}</p>
        </FeedbackMessage>
      )}
    </AnswerVersions>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Previous answer" }));
    await expect(canvas.getByText("2 / 3")).toBeVisible();
  },
};
