import { lazyModule } from "../shared/lazyModule";

/**
 * `editEventInput` and the diff engine under it, fetched on first use: the first hover or focus on an Edit
 * button, or a draft arriving for `useDraftTracking`. Nothing a page needs before someone edits.
 */
export const lazyEditEvent = /* @__PURE__ */ lazyModule(() => import("./editEventInput"));
