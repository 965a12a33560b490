import { TRACE_PLACEHOLDER } from "../insights/traceLink";

/** Refuses a trace URL template that could never link to a trace, with a sentence that says why. */
export function checkTraceUrl(template: string): string | null {
  if (!template.includes(TRACE_PLACEHOLDER)) {
    return `--trace-url must contain ${TRACE_PLACEHOLDER}, where each trace's id goes (got "${template}").`;
  }
  if (!/^https?:\/\//.test(template)) return `--trace-url must be an http or https URL (got "${template}").`;
  return null;
}
