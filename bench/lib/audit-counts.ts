import { json } from "./soak-setup";

/**
 * The audit's issuance counts once every request the load left in flight has finished:
 * requested = succeeded + failed (waits up to 30 s for the books to balance).
 */
export async function issuanceAudit(url: string, admin: Record<string, string>) {
  const count = async (action: string) =>
    (
      await json<{ total: number }>(
        await fetch(`${url}/api/audit?action=${action}&limit=1`, { headers: admin }),
        "audit count",
      )
    ).total;
  const read = async () => {
    const [requested = 0, succeeded = 0, failed = 0] = await Promise.all(
      ["certificate.issue.requested", "certificate.issue.succeeded", "certificate.issue.failed"].map(count),
    );
    return { requested, succeeded, failed };
  };
  const deadline = Date.now() + 30_000;
  let counts = await read();
  while (counts.requested !== counts.succeeded + counts.failed && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    counts = await read();
  }
  return counts;
}
