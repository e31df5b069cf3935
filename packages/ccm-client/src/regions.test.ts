import { describe, expect, it } from "vitest";
import { ccmEndpointForRegion, resolveCcmEndpoint } from "./regions";

describe("CCM endpoints", () => {
  it.each([
    ["cn-north-4", "https://ccm.cn-north-4.myhuaweicloud.com"],
    ["ap-southeast-3", "https://ccm.ap-southeast-3.myhuaweicloud.com"],
    ["sa-brazil-1", "https://ccm.myhuaweicloud.com"],
    ["eu-west-101", "https://ccm.eu-west-101.myhuaweicloud.eu"],
    ["ru-moscow-1", "https://ccm.ru-moscow-1.myhuaweicloud.com"],
    ["my-kualalumpur-1", "https://ccm.my-kualalumpur-1.myhuaweicloud.com"],
    ["ae-ad-1", "https://ccm.ae-ad-1.myhuaweicloud.com"],
    ["af-south-1", "https://ccm.af-south-1.myhuaweicloud.com"],
  ])("ok/%s → %s", (region, url) => expect(ccmEndpointForRegion(region)).toBe(url));

  it.each(["", "CN-NORTH-4", "cn north 4", "evil.com/x", "__proto__", "constructor"])(
    "fail/%j is not a region",
    (region) => expect(ccmEndpointForRegion(region)).toBeUndefined(),
  );

  it("ok/explicit URLs keep their port and path prefix; bad ones are refused", () => {
    expect(resolveCcmEndpoint({ url: "http://127.0.0.1:8790" })?.host).toBe("127.0.0.1:8790");
    expect(resolveCcmEndpoint({ url: "https://gw.example.com/ccm" })?.pathname).toBe("/ccm");
    expect(resolveCcmEndpoint({ region: "cn-north-4" })?.host).toBe("ccm.cn-north-4.myhuaweicloud.com");
    for (const url of ["ftp://x", "not a url", "https://u:p@x.com", "https://x.com/?a=1"]) {
      expect(resolveCcmEndpoint({ url })).toBeUndefined();
    }
  });
});
