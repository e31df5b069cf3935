import { describe, expect, it } from "vitest";
import { randomBytesPooled, randomHex } from "./random";

describe("pooled randomness", () => {
  it("ok/randomHex gives 2n lowercase hex digits", () => {
    expect(randomHex(16)).toMatch(/^[0-9a-f]{32}$/);
    expect(randomHex(1)).toMatch(/^[0-9a-f]{2}$/);
  });

  it("ok/no value repeats across several refills of the pool", () => {
    const ids = Array.from({ length: 2000 }, () => randomHex(16));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("ok/randomBytesPooled returns a copy that later draws do not change", () => {
    const first = randomBytesPooled(16);
    const kept = Buffer.from(first);
    for (let i = 0; i < 600; i++) randomBytesPooled(16);
    expect(first.equals(kept)).toBe(true);
    expect(first.length).toBe(16);
  });

  it("ok/bytes look uniform (every byte value shows up)", () => {
    const seen = new Set<number>();
    for (let i = 0; i < 200; i++) for (const b of randomBytesPooled(64)) seen.add(b);
    expect(seen.size).toBe(256);
  });

  it("fail/a size outside 1-256 is refused", () => {
    expect(() => randomHex(0)).toThrow(RangeError);
    expect(() => randomBytesPooled(257)).toThrow(RangeError);
    expect(() => randomHex(1.5)).toThrow(RangeError);
  });
});
