/// <reference types="vite/client" />
// The shipped translations: complete, and used everywhere. A string a widget shows that does not come from
// the label table stays English in every language; these tests find it.
import { act, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  AnswerVersions,
  ComparePrompt,
  CopyButton,
  DiffView,
  EditableMessage,
  EditButton,
  type FeedbackLabels,
  FeedbackMessage,
  formatLabel,
  MessageActions,
  RegenerateButton,
  ThumbsFeedback,
} from "../../src";
import { diffWords } from "../../src/datasets";
import { labels as en } from "../../src/locales/en";
import { renderInMessage } from "./renderInMessage";

const modules = import.meta.glob<{ labels: FeedbackLabels }>("../../src/locales/*.ts", { eager: true });
const packs = Object.entries(modules).map(([path, module]) => ({
  code: path.replace(/^.*\/(.+)\.ts$/, "$1"),
  labels: module.labels,
}));
const translations = packs.filter((pack) => pack.code !== "en");

const SHIPPED = "en ar de es fr he hi it ja ko nl pl pt-BR ru tr uk zh-CN zh-TW".split(" ");

/** Every leaf of a label table by its path ("reasons.format", "diffWordsAdded.one"). */
function leaves(table: object, prefix = ""): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(table)) {
    if (typeof value === "string") found.set(prefix + key, value);
    else for (const [path, text] of leaves(value, `${prefix + key}.`)) found.set(path, text);
  }
  return found;
}

const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

describe("shipped languages", () => {
  it("ships the 18 languages, each as its own entry", () => {
    expect(packs.map((pack) => pack.code).sort()).toEqual([...SHIPPED].sort());
  });

  it.each(packs)("$code has every key of the table, no other, none empty", ({ code, labels }) => {
    expect(labels.locale).toBe(code);
    const english = leaves(en);
    const translated = leaves(labels);
    // Plural forms differ by language (checked below); every other key is the same.
    const withoutPlurals = (table: Map<string, string>) =>
      [...table.keys()].filter((key) => !/^(commentRemaining|diffWords\w+)\./.test(key)).sort();
    expect(withoutPlurals(translated)).toEqual(withoutPlurals(english));
    for (const [key, text] of translated) {
      expect(text.trim(), `${code} ${key}`).not.toBe("");
    }
  });

  it.each(packs)("$code has every plural form its language needs, and the same placeholders", ({ code, labels }) => {
    const categories = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
    for (const key of ["commentRemaining", "diffWordsAdded", "diffWordsRemoved"] as const) {
      const forms = labels[key];
      expect(Object.keys(forms).sort(), `${code} ${key}`).toEqual([...categories].sort());
    }
    for (const [key, text] of leaves(labels)) {
      const englishKey = key.replace(/^(commentRemaining|diffWords\w+)\.\w+$/, "$1.other");
      const english = leaves(en).get(englishKey) ?? "";
      // A form for exactly one or two ("one word", "two words") may spell the number out.
      if (/\.(zero|one|two)$/.test(key)) expect(placeholders(text).every((p) => p === "{count}")).toBe(true);
      else expect(placeholders(text), `${code} ${key}`).toEqual(placeholders(english));
    }
  });

  it("formats counts with the language's numbers and plural forms", () => {
    const ru = packs.find((pack) => pack.code === "ru")?.labels as FeedbackLabels;
    const fr = packs.find((pack) => pack.code === "fr")?.labels as FeedbackLabels;
    const ar = packs.find((pack) => pack.code === "ar")?.labels as FeedbackLabels;
    expect(formatLabel(ru, ru.diffWordsAdded, { count: 1 })).toBe("Добавлено 1 слово");
    expect(formatLabel(ru, ru.diffWordsAdded, { count: 3 })).toBe("Добавлено 3 слова");
    expect(formatLabel(ru, ru.diffWordsAdded, { count: 5 })).toBe("Добавлено 5 слов");
    expect(formatLabel(ar, ar.diffWordsRemoved, { count: 2 })).toBe("حُذفت كلمتان");
    expect(formatLabel(en, en.commentCount, { count: 1234, max: 5000 })).toBe("1,234 / 5,000");
    expect(formatLabel(fr, fr.commentCount, { count: 1234, max: 5000 })).toBe(
      `${new Intl.NumberFormat("fr").format(1234)} / ${new Intl.NumberFormat("fr").format(5000)}`,
    );
    expect(formatLabel({ locale: "not a language tag" }, en.diffWordsAdded, { count: 2 })).toBe("2 words added");
  });
});

/** Every English string of the default table that a translation must replace (templates aside). */
const ENGLISH = new Set([...leaves(en).values()].filter((text) => !text.includes("{")));

/** Every string on the page a user sees or hears: text, names, placeholders, descriptions. */
function stringsOnPage(): string[] {
  const found: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim();
    if (text) found.push(text);
  }
  for (const element of document.body.querySelectorAll("*")) {
    for (const name of ["aria-label", "placeholder", "title", "aria-description"]) {
      const value = element.getAttribute(name);
      if (value) found.push(value.trim());
    }
  }
  return found;
}

const DRAFT = "The museum opens at nine.";
const VERSIONS = [
  { messageId: "v1", content: "The museum opens at nine." },
  { messageId: "v2", content: "It opens at 9 am." },
] as const;

function EveryWidget() {
  return (
    <>
      <EditableMessage draft={DRAFT} />
      <MessageActions>
        <CopyButton />
        <RegenerateButton onRegenerate={() => new Promise(() => {})} />
        <EditButton />
        <ThumbsFeedback followUpOn={["up", "down"]} />
      </MessageActions>
      <FeedbackMessage messageId="m2">
        <EditableMessage draft={DRAFT} defaultEditing />
      </FeedbackMessage>
      <FeedbackMessage messageId="m3">
        <EditableMessage draft={DRAFT} />
      </FeedbackMessage>
      <DiffView diff={diffWords(DRAFT, "The museum opens at ten.").diff} collapsible />
      <AnswerVersions versions={VERSIONS}>
        {(version) => (
          <FeedbackMessage messageId={version.messageId} content={version.content}>
            <p>{version.content}</p>
          </FeedbackMessage>
        )}
      </AnswerVersions>
      <ComparePrompt a={VERSIONS[0]} b={VERSIONS[1]} />
    </>
  );
}

describe("every widget in every language", () => {
  it.each(translations)("$code: no English string from the default table on the page", async ({ code, labels }) => {
    // The compare prompt asks once per pair in a browser tab: each language meets the pair for the first time.
    sessionStorage.clear();
    const { user, container } = renderInMessage(<EveryWidget />, { content: DRAFT, provider: { labels } });
    const bar = screen.getByRole("toolbar", { name: labels.messageActions });
    // Open what opens: the form after each vote, the thank-you, "Copied", a pending regenerate, the diff.
    await user.click(within(bar).getByRole("button", { name: labels.thumbDown }));
    const strings = stringsOnPage();
    await user.click(within(bar).getByRole("button", { name: labels.thumbUp }));
    strings.push(...stringsOnPage());
    await user.click(screen.getByRole("button", { name: labels.submit }));
    await user.click(within(bar).getByRole("button", { name: labels.copy }));
    await user.click(within(bar).getByRole("button", { name: labels.regenerate }));
    for (const summary of container.querySelectorAll("summary")) await user.click(summary);
    strings.push(...stringsOnPage());
    // The answer versions' stepper, a step (announced), and the compare prompt, then its thank-you.
    await user.click(screen.getByRole("button", { name: labels.previousAnswer }));
    strings.push(...stringsOnPage());
    await user.click(screen.getByRole("button", { name: labels.compareTie }));
    strings.push(...stringsOnPage());

    const english = strings.filter((text) => ENGLISH.has(text));
    expect(english, `${code}: English on the page`).toEqual([]);
    // And the translation is what is there (the test cannot pass on an empty page).
    for (const expected of [
      labels.formTitleUp,
      labels.thanks,
      labels.copied,
      labels.editHint,
      labels.diffTitle,
      labels.compareTitle,
      labels.compareSkip,
      formatLabel(labels, labels.answerPosition, { index: 1, count: 2 }),
    ]) {
      expect(strings, `${code}: ${expected}`).toContain(expected);
    }
    await act(async () => {});
  });
});
