import { FeedbackError } from "../../src/errors";
import { langfuseSink } from "../../src/sinks/langfuseSink";

describe("langfuseSink in a browser", () => {
  it("refuses a secret key with a sentence that points to the relay", () => {
    const make = () =>
      langfuseSink({ baseUrl: "https://cloud.langfuse.com", publicKey: "pk-lf-1", secretKey: "sk-lf-2" });
    expect(make).toThrow(FeedbackError);
    expect(make).toThrow(/createFeedbackHandler/);
  });

  it("accepts the public key alone", () => {
    expect(langfuseSink({ baseUrl: "https://cloud.langfuse.com", publicKey: "pk-lf-1" }).name).toBe("langfuse");
  });
});
