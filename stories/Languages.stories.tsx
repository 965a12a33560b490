/// <reference types="vite/client" />
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import {
  CopyButton,
  EditableMessage,
  EditButton,
  type FeedbackLabels,
  FeedbackMessage,
  FeedbackProvider,
  type MemorySink,
  MessageActions,
  RegenerateButton,
  ThumbsFeedback,
} from "../src";

// Every shipped language, as an app imports one: `import { labels } from "react-feedback-loop/locales/de"`.
const packs = Object.entries(import.meta.glob<{ labels: FeedbackLabels }>("../src/locales/*.ts", { eager: true })).map(
  ([path, module]) => ({ code: path.replace(/^.*\/(.+)\.ts$/, "$1"), labels: module.labels }),
);

const RIGHT_TO_LEFT = new Set(["ar", "he"]);

/** One answer per language, in that language. */
const ANSWERS: Record<string, string> = {
  en: "Water boils at 100 °C at sea level.",
  ar: "يغلي الماء عند 100 درجة مئوية عند مستوى سطح البحر.",
  de: "Wasser kocht auf Meereshöhe bei 100 °C.",
  es: "El agua hierve a 100 °C al nivel del mar.",
  fr: "L’eau bout à 100 °C au niveau de la mer.",
  he: "מים רותחים ב־100 מעלות צלזיוס בגובה פני הים.",
  hi: "समुद्र तल पर पानी 100 °C पर उबलता है।",
  it: "L’acqua bolle a 100 °C al livello del mare.",
  ja: "海面の高さでは、水は 100 °C で沸騰します。",
  ko: "해수면에서 물은 100 °C에서 끓습니다.",
  nl: "Water kookt op zeeniveau bij 100 °C.",
  pl: "Woda wrze w temperaturze 100 °C na poziomie morza.",
  "pt-BR": "A água ferve a 100 °C ao nível do mar.",
  ru: "На уровне моря вода кипит при 100 °C.",
  tr: "Su, deniz seviyesinde 100 °C’de kaynar.",
  uk: "На рівні моря вода кипить при 100 °C.",
  "zh-CN": "在海平面上，水在 100 °C 时沸腾。",
  "zh-TW": "在海平面上，水在 100 °C 時沸騰。",
};

function AllLanguages({ sink }: { sink: MemorySink }) {
  return (
    <div
      style={{
        display: "grid",
        gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 22rem), 1fr))",
        alignItems: "start",
        gap: 12,
      }}
    >
      {packs.map(({ code, labels }) => (
        <FeedbackProvider key={code} sink={sink} labels={labels}>
          <section
            lang={code}
            dir={RIGHT_TO_LEFT.has(code) ? "rtl" : "ltr"}
            aria-label={code}
            style={{ padding: 12, border: "1px solid var(--rfl-border)", borderRadius: 8, fontFamily: "system-ui" }}
          >
            <FeedbackMessage messageId={`msg-${code}`} content={ANSWERS[code]}>
              <EditableMessage draft={ANSWERS[code] ?? ""} />
              <MessageActions>
                <CopyButton />
                <RegenerateButton onRegenerate={() => {}} />
                <EditButton />
                <ThumbsFeedback />
              </MessageActions>
            </FeedbackMessage>
          </section>
        </FeedbackProvider>
      ))}
    </div>
  );
}

const meta = {
  title: "Widgets/Languages",
  component: AllLanguages,
  parameters: {
    feedback: { provider: false, log: false },
    docs: {
      description: {
        component:
          'The 18 shipped languages, one answer each, Arabic and Hebrew right to left. Each is its own entry: `import { labels } from "react-feedback-loop/locales/ja"`, then `<FeedbackProvider labels={labels}>`. Counts are formatted with `Intl` for the language.',
      },
    },
  },
  render: (_args, { loaded }) => <AllLanguages sink={loaded.feedbackSink as MemorySink} />,
} satisfies Meta<typeof AllLanguages>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Every language, with the follow-up form open in Arabic and in Japanese. */
export const EveryLanguage: Story = {
  args: { sink: undefined as unknown as MemorySink },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByRole("toolbar")).toHaveLength(18);
    for (const code of ["ar", "ja"]) {
      const pack = packs.find((entry) => entry.code === code)?.labels as FeedbackLabels;
      const region = within(canvas.getByRole("region", { name: code }));
      await userEvent.click(region.getByRole("button", { name: pack.thumbDown }));
      await expect(await region.findByRole("form", { name: pack.formTitleDown })).toBeVisible();
    }
  },
};
