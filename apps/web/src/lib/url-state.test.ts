import { CaListQuerySchema } from "@pca/contracts";
import { describe, expect, it } from "vitest";
import { mergeQuery, readQuery } from "./url-state";

describe("readQuery", () => {
  const cases: [string, string, object][] = [
    [
      "ok/known keys parsed",
      "status=ACTIVED&type=ROOT&limit=50&offset=100",
      { status: "ACTIVED", type: "ROOT", limit: 50, offset: 100 },
    ],
    ["ok/sort", "sort_key=not_after&sort_dir=ASC", { sort_key: "not_after", sort_dir: "ASC" }],
    ["fail/unknown keys ignored", "evil=1&status=PENDING", { status: "PENDING" }],
    [
      "fail/invalid values dropped, valid kept",
      "status=NOPE&limit=5000&type=SUBORDINATE",
      { type: "SUBORDINATE" },
    ],
    ["fail/empty", "", {}],
  ];
  it.each(cases)("%s", (_name, search, expected) => {
    expect(readQuery(new URLSearchParams(search), CaListQuerySchema)).toEqual(expected);
  });
});

describe("mergeQuery", () => {
  it("sets, replaces and removes keys", () => {
    const next = mergeQuery(new URLSearchParams("status=ACTIVED&offset=20"), {
      status: "PENDING",
      offset: undefined,
    });
    expect(next.toString()).toBe("status=PENDING");
  });
});
