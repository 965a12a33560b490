// The dataset builders have their own entry, react-feedback-loop/datasets: neither the browser's nor the server's.
import { describe, expect, it } from "vitest";
import * as datasets from "../../src/datasets";
import * as client from "../../src/index";
import * as server from "../../src/server";
import { edit } from "../datasets/fixtureEvents";

const DATASET_FUNCTIONS = [
  "toPreferencePairs",
  "toKto",
  "toRegressionSet",
  "bucketByErrorMode",
  "samePromptKey",
  "diffWords",
  "editStats",
];

describe("dataset exports", () => {
  it("are on react-feedback-loop/datasets, and on neither the client nor the server entry", () => {
    for (const name of DATASET_FUNCTIONS) {
      expect(typeof (datasets as Record<string, unknown>)[name], name).toBe("function");
      expect(name in client, name).toBe(false);
      expect(name in server, name).toBe(false);
    }
  });

  it("turn events into rows as a user would call them", () => {
    const pairs = datasets.toPreferencePairs([edit("Sydney.", "Canberra.")], { format: "trl" });
    expect([...pairs]).toEqual([
      { prompt: "What is the capital of Australia?", chosen: "Canberra.", rejected: "Sydney." },
    ]);
  });
});
