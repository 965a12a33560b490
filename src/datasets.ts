// The dataset entry, `react-feedback-loop/datasets`: what turns stored events into training and evaluation data
// (preference pairs, KTO rows, regression sets, error-mode buckets) and the word diff they rest on. No React, no
// DOM, no Node-only module: it runs in Node, in edge runtimes and in a notebook's JavaScript kernel alike. The
// command line's `export` streams through the same builders.

export { bucketBuilder, bucketByErrorMode } from "./datasets/bucketByErrorMode";
export { DEFAULT_MAX_OPEN } from "./datasets/eventIntake";
export { samePromptKey } from "./datasets/samePrompt";
export { ktoBuilder, toKto } from "./datasets/toKto";
export { preferencePairBuilder, toPreferencePairs } from "./datasets/toPreferencePairs";
export { regressionBuilder, toRegressionSet } from "./datasets/toRegressionSet";
export type * from "./datasets/types";
export { type DiffWordsOptions, diffWords, type WordDiff } from "./diff/diffWords";
export { editStats } from "./diff/editStats";
export type * from "./events/types";
