import { randomUUID } from "node:crypto";
import { runCommand } from "../commands/run-command";
import { issueCommand } from "./issue-command";
import type { IssueCommand, IssueDeps, IssueOutcome } from "./types";

export type { IssueCommand, IssueDeps, IssueOutcome } from "./types";

/** Issues a certificate from a CSR: the issuance command (issue-command.ts) through the runner. */
export function issueCertificate(deps: IssueDeps, command: IssueCommand): Promise<IssueOutcome> {
  return runCommand(
    deps,
    issueCommand(deps),
    {
      actor: command.actor,
      requestId: command.requestId,
      attemptId: command.attemptId ?? randomUUID(),
    },
    command.body,
  );
}
