import { useId } from "react";
import { defaultInsightsLabels } from "../labels";
import { traceHref } from "../traceLink";
import type { ReviewItem } from "../types";
import type { LinkedChartProps } from "./ErrorModesChart";

function Detail({ item, labels }: { item: ReviewItem; labels: typeof defaultInsightsLabels }) {
  if (item.why === "heavily-edited") {
    return (
      <details className="rfl-insights-diff">
        <summary>
          {labels.viewDiff} ({labels.similarity.toLowerCase()} {labels.percent(item.similarity ?? null)})
        </summary>
        <div className="rfl-insights-diff__texts">
          <div>
            <span className="rfl-insights-diff__label">{labels.draft}</span>
            <del>{item.draft}</del>
          </div>
          <div>
            <span className="rfl-insights-diff__label">{labels.final}</span>
            <ins>{item.final}</ins>
          </div>
        </div>
      </details>
    );
  }
  if (item.why === "regenerated") return <span>{`${labels.attempts}: ${item.attempts}`}</span>;
  return (
    <span>
      {item.reasons && item.reasons.length > 0 && <span className="rfl-insights-tags">{item.reasons.join(", ")} </span>}
      <q>{item.comment}</q>
    </span>
  );
}

/**
 * The answers most worth a look: down-voted with a comment, heavily edited, regenerated three times or more,
 * each linked to its trace, an edit with its draft and final side by side. Texts are rendered as text.
 *
 * @example
 * <AnswersToReview summary={summary} traceUrl="https://cloud.langfuse.com/project/P/traces/{traceId}" />
 */
export function AnswersToReview({ summary, labels, traceUrl }: LinkedChartProps) {
  const t = { ...defaultInsightsLabels, ...labels };
  const titleId = useId();
  return (
    <section className="rfl-insights-review" aria-labelledby={titleId}>
      <h2 id={titleId} className="rfl-insights-chart__title">
        {t.reviewTitle}
      </h2>
      {summary.review.length === 0 ? (
        <p>{t.noData}</p>
      ) : (
        <ul>
          {summary.review.map((item) => {
            const href = traceHref(traceUrl, item.traceId);
            return (
              <li key={`${item.why}-${item.messageId}-${item.ts}`} data-why={item.why}>
                <span className="rfl-insights-badge">{t.why[item.why]}</span>{" "}
                <time dateTime={item.ts}>{item.ts.slice(0, 16).replace("T", " ")}</time> <code>{item.messageId}</code>{" "}
                <Detail item={item} labels={t} />{" "}
                {href && (
                  <a href={href} target="_blank" rel="noreferrer noopener">
                    {t.viewTrace}
                    <span className="rfl-insights-visually-hidden"> {item.messageId}</span>
                  </a>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
