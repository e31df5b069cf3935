import { fireEvent, render, screen } from "@testing-library/react";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { initI18n } from "../../lib/i18n";
import { QueryRegion } from "./states";

type Query = Parameters<typeof QueryRegion<string[]>>[0]["query"];
const query = (patch: Partial<Query>): Query => ({
  isPending: false,
  isError: false,
  isFetching: false,
  data: undefined,
  error: null,
  refetch: () => undefined,
  ...patch,
});

const region = (q: Query) =>
  render(
    <QueryRegion
      query={q}
      isEmpty={(d) => d.length === 0}
      empty={{ title: "Nothing here", hint: "Clear filters" }}
    >
      {(d) => (
        <ul>
          {d.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
      )}
    </QueryRegion>,
  );

beforeAll(async () => {
  await initI18n("en");
});

describe("QueryRegion", () => {
  it("says it is loading while the first answer is pending, and marks the region busy", () => {
    const { container } = region(query({ isPending: true, isFetching: true }));
    expect(screen.getByRole("status").textContent).toMatch(/loading/i);
    expect(container.firstElementChild?.getAttribute("aria-busy")).toBe("true");
  });

  it("shows the error with a retry that asks again", () => {
    const refetch = vi.fn();
    region(query({ isError: true, error: new Error("boom"), refetch }));
    expect(screen.getByRole("alert").textContent).toMatch(/INTERNAL|went wrong|error/i);
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(refetch).toHaveBeenCalledOnce();
  });

  it("shows the empty state for an empty answer and the content otherwise", () => {
    const { rerender } = region(query({ data: [] }));
    expect(screen.getByText("Nothing here")).toBeTruthy();
    expect(screen.getByText("Clear filters")).toBeTruthy();
    rerender(
      <QueryRegion
        query={query({ data: ["a", "b"] })}
        isEmpty={(d) => d.length === 0}
        empty={{ title: "Nothing here" }}
      >
        {(d) => (
          <ul>
            {d.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        )}
      </QueryRegion>,
    );
    expect(screen.getAllByRole("listitem").map((li) => li.textContent)).toEqual(["a", "b"]);
    expect(screen.queryByText("Nothing here")).toBeNull();
  });
});
