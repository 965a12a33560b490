import { uuidv7 } from "../../src/events/uuid";

describe("uuidv7", () => {
  it("makes RFC 9562 version 7 ids that carry the time", () => {
    const now = Date.UTC(2026, 0, 2, 3, 4, 5, 678);
    const id = uuidv7(now);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replaceAll("-", "").slice(0, 12), 16)).toBe(now);
  });

  it("keeps ids made in the same millisecond in order and unique", () => {
    const now = Date.now();
    const ids = Array.from({ length: 1000 }, () => uuidv7(now));
    expect(new Set(ids).size).toBe(1000);
    expect([...ids].sort()).toEqual(ids);
  });
});
