import { AsnIpConverter } from "@peculiar/asn1-x509";
import { OctetString } from "asn1js";
import { describe, expect, it } from "vitest";
import { formatIp } from "./ip";

const v6 = (text: string): Uint8Array => {
  const [head = "", tail] = text.split("::");
  const parse = (s: string) => (s === "" ? [] : s.split(":").map((g) => Number.parseInt(g, 16)));
  const h = parse(head);
  const t = tail === undefined ? [] : parse(tail);
  const groups = [...h, ...new Array(8 - h.length - t.length).fill(0), ...t];
  return new Uint8Array(groups.flatMap((g) => [g >> 8, g & 0xff]));
};

/** What a preview shows for the octets of an iPAddress: @peculiar/asn1-x509's text, then ours. */
const shown = (octets: Uint8Array) => formatIp(AsnIpConverter.fromASN(new OctetString({ valueHex: octets })));

describe("formatIp (RFC 5952, as Python's ipaddress prints)", () => {
  it.each([
    ["2001:0db8:0000:0000:0001:0000:0000:0001", "2001:db8::1:0:0:1"],
    ["2001:0:0:1:0:0:0:1", "2001:0:0:1::1"],
    ["0:0:0:0:0:0:0:1", "::1"],
    ["0:0:0:0:0:0:0:0", "::"],
    ["1:0:1:0:1:0:1:0", "1:0:1:0:1:0:1:0"],
    ["fe80:0:0:0:0:0:0:0", "fe80::"],
    ["2001:db8:100:0:0:0:0:7", "2001:db8:100::7"],
    ["0:0:0:0:0:ffff:c000:0201", "::ffff:192.0.2.1"],
  ])("%s → %s", (input, want) => {
    expect(shown(v6(input))).toBe(want);
  });

  it("IPv4 dotted, an address and mask as address/prefix", () => {
    expect(shown(new Uint8Array([192, 0, 2, 10]))).toBe("192.0.2.10");
    expect(shown(new Uint8Array([10, 0, 0, 0, 255, 0, 0, 0]))).toBe("10.0.0.0/8");
  });
});
