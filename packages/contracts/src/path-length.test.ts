import { describe, expect, it } from "vitest";
import { allowedPathLengths, checkPathLength, type PathLengthInput } from "./path-length";

describe("allowedPathLengths", () => {
  it.each([
    ["ok/root (7) allows 0-6", 7, [0, 1, 2, 3, 4, 5, 6]],
    ["ok/path length 2 allows 0-1", 2, [0, 1]],
    ["fail/path length 0 signs no CA", 0, []],
    ["ok/unreported allows 0-6", null, [0, 1, 2, 3, 4, 5, 6]],
  ] as const)("%s", (_name, issuerPathLength, expected) => {
    expect(allowedPathLengths(issuerPathLength)).toEqual(expected);
  });
});

describe("checkPathLength", () => {
  it.each<[string, PathLengthInput, string]>([
    [
      "ok/entity without path_length",
      { kind: "ENTITY_CERT", pathLength: undefined, issuerPathLength: 0 },
      "ok",
    ],
    [
      "fail/entity with path_length",
      { kind: "ENTITY_CERT", pathLength: 0, issuerPathLength: 7 },
      "PATH_LENGTH_NOT_ALLOWED",
    ],
    [
      "ok/intermediate default 0 under root 7",
      { kind: "INTERMEDIATE_CA", pathLength: undefined, issuerPathLength: 7 },
      "ok",
    ],
    ["ok/intermediate 6 under root 7", { kind: "INTERMEDIATE_CA", pathLength: 6, issuerPathLength: 7 }, "ok"],
    [
      "fail/intermediate 7 under root 7",
      { kind: "INTERMEDIATE_CA", pathLength: 7, issuerPathLength: 7 },
      "PATH_LENGTH_INVALID",
    ],
    ["ok/intermediate 0 under 1", { kind: "INTERMEDIATE_CA", pathLength: 0, issuerPathLength: 1 }, "ok"],
    [
      "fail/intermediate 1 under 1",
      { kind: "INTERMEDIATE_CA", pathLength: 1, issuerPathLength: 1 },
      "PATH_LENGTH_INVALID",
    ],
    [
      "fail/intermediate under issuer 0",
      { kind: "INTERMEDIATE_CA", pathLength: undefined, issuerPathLength: 0 },
      "PATH_LENGTH_INVALID",
    ],
    [
      "fail/intermediate 3 under 2",
      { kind: "INTERMEDIATE_CA", pathLength: 3, issuerPathLength: 2 },
      "PATH_LENGTH_INVALID",
    ],
    [
      "ok/issuer path length unknown",
      { kind: "INTERMEDIATE_CA", pathLength: 2, issuerPathLength: null },
      "ok",
    ],
    [
      "fail/-1 with unknown issuer",
      { kind: "INTERMEDIATE_CA", pathLength: -1, issuerPathLength: null },
      "PATH_LENGTH_INVALID",
    ],
  ])("%s", (_name, input, want) => {
    const result = checkPathLength(input);
    expect(result.ok ? "ok" : result.error.code).toBe(want);
  });

  it("says how far down the requester can go", () => {
    const result = checkPathLength({ kind: "INTERMEDIATE_CA", pathLength: 4, issuerPathLength: 3 });
    expect(result.ok ? "" : result.error.message).toContain("at most 2");
  });
});
