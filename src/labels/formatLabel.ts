import type { FeedbackLabels, PluralLabel } from "./defaultLabels";

interface LocaleFormat {
  number: Intl.NumberFormat;
  plural: Intl.PluralRules;
}

// Built once per language: constructing Intl formatters is far dearer than using them.
const formats = new Map<string, LocaleFormat>();

function formatFor(locale: string): LocaleFormat {
  let format = formats.get(locale);
  if (!format) {
    try {
      format = { number: new Intl.NumberFormat(locale), plural: new Intl.PluralRules(locale) };
    } catch {
      // A malformed tag in an app's labels must not break the widget: the runtime's own language instead.
      format = { number: new Intl.NumberFormat(), plural: new Intl.PluralRules() };
    }
    formats.set(locale, format);
  }
  return format;
}

/**
 * A label with numbers in it: picks the plural form for `count` (`Intl.PluralRules`) and writes each
 * `{name}` as a number in the label set's language (`Intl.NumberFormat`).
 *
 * @example
 * ```ts
 * formatLabel(labels, labels.commentCount, { count: 1200, max: 5000 }); // "1,200 / 5,000" in English
 * formatLabel(labels, labels.diffWordsAdded, { count: 1 }); // "1 word added"
 * ```
 */
export function formatLabel(
  labels: Pick<FeedbackLabels, "locale">,
  label: string | PluralLabel,
  values: Record<string, number>,
): string {
  const { number, plural } = formatFor(labels.locale);
  const template = typeof label === "string" ? label : (label[plural.select(values.count ?? 0)] ?? label.other);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : number.format(value);
  });
}
