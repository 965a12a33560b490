// The dataset functions belong to the server entry (Node and edge runtimes), never to the client bundle.
import { describe, expect, it } from "vitest";
import * as client from "../../src/index";
import * as server from "../../src/server";
import { edit } from "../datasets/fixtureEvents";

const DATASET_FUNCTIONS = ["toPreferencePairs", "toKto", "toRegressionSet", "bucketByErrorMode", "samePromptKey"];

describe("dataset exports", () => {
  it("are on react-feedback-loop/server and not on the client entry", () => {
    for (const name of DATASET_FUNCTIONS) {
      expect(typeof (server as Record<string, unknown>)[name]).toBe("function");
      expect(name in client).toBe(false);
    }
  });

  it("turn events into rows as a user would call them", () => {
    const pairs = server.toPreferencePairs([edit("Sydney.", "Canberra.")], { format: "trl" });
    expect([...pairs]).toEqual([
      { prompt: "What is the capital of Australia?", chosen: "Canberra.", rejected: "Sydney." },
    ]);
  });
});
