import { idSet } from "../../../src/cli/idSet";

const uuid = (n: number) =>
  `0192f0c1-${(n >>> 16).toString(16).padStart(4, "0")}-7${(n & 0xfff).toString(16).padStart(3, "0")}-8000-${n.toString(16).padStart(12, "0")}`;

describe("idSet", () => {
  it("holds every id added, UUIDs and others, across its growth, and nothing else", () => {
    const ids = idSet();
    const count = 200_000;
    for (let n = 0; n < count; n++) ids.add(uuid(n));
    ids.add("not-a-uuid");
    ids.add(uuid(5));
    expect(ids.size).toBe(count + 1);
    for (let n = 0; n < count; n += 997) expect(ids.has(uuid(n))).toBe(true);
    expect(ids.has(uuid(count))).toBe(false);
    expect(ids.has("not-a-uuid")).toBe(true);
    expect(ids.has("another")).toBe(false);
    // Upper case is another id (ids compare exactly), kept apart from its lowercase twin.
    expect(ids.has(uuid(7).toUpperCase())).toBe(false);
  });
});
