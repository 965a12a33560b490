/** The placeholder a trace URL template must hold. */
export const TRACE_PLACEHOLDER = "{traceId}";

/**
 * The link to a trace from a template such as `https://cloud.langfuse.com/project/P/traces/{traceId}`; `null`
 * without a template or a trace. The id is URL-encoded: it comes from the events, which anyone could send.
 *
 * @example
 * traceHref("https://smith.langchain.com/o/O/projects/p/P/r/{traceId}", "4bf9…"); // "https://smith…/r/4bf9…"
 */
export function traceHref(template: string | undefined, traceId: string | undefined): string | null {
  if (!template || !traceId) return null;
  return template.split(TRACE_PLACEHOLDER).join(encodeURIComponent(traceId));
}
