import type { Response } from "express";
import { type CodedFailure, errorEnvelope, statusFor } from "../core/failure";

/** Sends the error envelope of a failure with its code's status. */
export function sendFailure(res: Response, failure: CodedFailure): void {
  res.status(statusFor(failure.code)).json(errorEnvelope(failure));
}
