import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import {
  CopyButton,
  FeedbackMessage,
  FeedbackProvider,
  MessageActions,
  memorySink,
  RegenerateButton,
  ThumbsFeedback,
} from "../src";

const ANSWER = "Water boils at 100 °C at sea level.";

function Toolbar() {
  return (
    <MessageActions>
      <CopyButton />
      <RegenerateButton onRegenerate={() => {}} />
      <ThumbsFeedback />
    </MessageActions>
  );
}

/** The same widgets on the light theme, the dark theme (`data-theme="dark"`), and retuned tokens. */
function Themes() {
  return (
    <div style={{ display: "grid", gap: "1rem" }}>
      {(["light", "dark"] as const).map((theme) => (
        <div
          key={theme}
          data-theme={theme}
          style={{ background: "var(--rfl-bg)", color: "var(--rfl-fg)", padding: "1rem", borderRadius: 8 }}
        >
          <FeedbackMessage messageId={`msg-${theme}`} content={ANSWER}>
            <p style={{ fontFamily: "system-ui", margin: "0 0 0.5rem" }}>
              {ANSWER} ({theme})
            </p>
            <Toolbar />
          </FeedbackMessage>
        </div>
      ))}
      <div
        style={
          {
            "--rfl-accent": "#7e22ce",
            "--rfl-focus": "#7e22ce",
            "--rfl-radius": "2px",
            padding: "1rem",
          } as React.CSSProperties
        }
      >
        <FeedbackMessage messageId="msg-tokens" content={ANSWER}>
          <p style={{ fontFamily: "system-ui", margin: "0 0 0.5rem" }}>{ANSWER} (own tokens)</p>
          <Toolbar />
        </FeedbackMessage>
      </div>
    </div>
  );
}

const meta = {
  title: "Widgets/Theming",
  component: Themes,
  parameters: {
    docs: {
      description: {
        component:
          "`react-feedback-loop/styles.css` styles the widgets through `--rfl-*` custom properties: light and dark follow `prefers-color-scheme`, `data-theme` on any ancestor overrides it, and a few variables retheme everything. Class names start with `rfl-`; states are data attributes.",
      },
    },
  },
} satisfies Meta<typeof Themes>;

export default meta;
type Story = StoryObj<typeof meta>;

export const LightDarkAndTokens: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const downs = canvas.getAllByRole("button", { name: "Bad response" });
    await userEvent.click(downs[1] as HTMLElement);
    await expect(await canvas.findByRole("form", { name: "What went wrong?" })).toBeVisible();
  },
};

/** Translated labels for every widget at once, set on the provider. */
export const LabelsOnTheProvider: Story = {
  parameters: { feedback: { provider: false } },
  render: () => (
    <FeedbackProvider
      sink={memorySink()}
      labels={{
        thumbsGroup: "Bewerte die Antwort",
        thumbUp: "Gute Antwort",
        thumbDown: "Schlechte Antwort",
        copy: "Kopieren",
        copied: "Kopiert",
        regenerate: "Neu erzeugen",
        formTitleDown: "Was war falsch?",
        submit: "Senden",
        cancel: "Abbrechen",
        commentLabel: "Kommentar (optional)",
        reasons: { hallucination: "Erfunden", format: "Falsches Format" },
      }}
    >
      <FeedbackMessage messageId="msg-de" content="Wasser kocht bei 100 °C.">
        <p style={{ fontFamily: "system-ui", margin: "0 0 0.5rem" }}>Wasser kocht bei 100 °C.</p>
        <Toolbar />
      </FeedbackMessage>
    </FeedbackProvider>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Schlechte Antwort" }));
    await expect(await canvas.findByRole("form", { name: "Was war falsch?" })).toBeVisible();
    await expect(canvas.getByRole("button", { name: "Erfunden" })).toHaveFocus();
    await expect(canvas.getByRole("button", { name: "Kopieren" })).toBeVisible();
  },
};

/** Without the stylesheet's classes doing anything: plain buttons that still work and stay accessible. */
export const Unstyled: Story = {
  render: () => (
    <div className="unstyled-demo">
      <style>{".unstyled-demo [class*='rfl-'] { all: revert; }"}</style>
      <FeedbackMessage messageId="msg-plain" content={ANSWER}>
        <p>{ANSWER}</p>
        <Toolbar />
      </FeedbackMessage>
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Good response" }));
    await expect(canvas.getByRole("button", { name: "Good response" })).toHaveAttribute("aria-pressed", "true");
  },
};
