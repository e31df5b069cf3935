import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { NewAuditEvent } from "../core/audit-port";
import { GENESIS_HASH, hashEvent } from "./chain-hash";
import { AUDIT_EVENT_COLUMNS, eventFromRow, rowOf } from "./rows";

const event: NewAuditEvent = {
  actor: "sam",
  role: "issuer",
  action: "certificate.issue.requested",
  target: "ca-1",
  outcome: "success",
  requestId: "req-1",
  details: { b: [1, { d: null, c: "x" }], a: 1 },
};
const link = { seq: 7, time: 1_767_225_600_000, prevHash: GENESIS_HASH };

describe("audit rows", () => {
  it("ok/a new event's row reads back as the same event at its link", () => {
    const row = rowOf(event, link);
    expect(row).toMatchObject({ request_id: "req-1", upstream_request_id: null, prev_hash: GENESIS_HASH });
    expect(row.details).toBe('{"a":1,"b":[1,{"c":"x","d":null}]}');
    expect(eventFromRow(row)).toEqual({
      ...event,
      upstreamRequestId: null,
      seq: 7,
      time: link.time,
      prevHash: GENESIS_HASH,
      hash: row.hash,
    });
    expect(
      eventFromRow(rowOf({ ...event, details: undefined, upstreamRequestId: "up-1" }, link)),
    ).toMatchObject({
      details: {},
      upstreamRequestId: "up-1",
    });
  });

  it("ok/the hash covers every other column", () => {
    const row = rowOf(event, link);
    expect(hashEvent(row)).toBe(row.hash);
    const others = AUDIT_EVENT_COLUMNS.filter((column) => column !== "hash");
    expect(others).toHaveLength(11);
    fc.assert(
      fc.property(
        fc.constantFrom(...others),
        fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        (column, value) => {
          fc.pre(value !== row[column]);
          expect(hashEvent({ ...row, [column]: value })).not.toBe(row.hash);
        },
      ),
    );
  });
});
