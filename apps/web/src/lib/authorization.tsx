import type { Role } from "@pca/contracts";
import type { ReactNode } from "react";
import { useRole } from "./auth";

/**
 * What each role may do in the UI, mirroring the BFF's route access (viewer < issuer < admin).
 * The UI hides what a role may not do; the BFF still refuses it.
 */
export const POLICIES = {
  "certificate:issue": (role: Role) => role === "issuer" || role === "admin",
  "audit:read": (role: Role) => role === "admin",
  "users:manage": (role: Role) => role === "admin",
  "tokens:manage": (role: Role) => role === "admin",
} as const;

export type Policy = keyof typeof POLICIES;

export function can(role: Role | null, policy: Policy): boolean {
  return role !== null && POLICIES[policy](role);
}

export function useCan(policy: Policy): boolean {
  return can(useRole(), policy);
}

/** Renders its children only for roles the policy allows, else the fallback (nothing by default). */
export function Authorization(props: { policy: Policy; children: ReactNode; fallback?: ReactNode }) {
  return <>{useCan(props.policy) ? props.children : (props.fallback ?? null)}</>;
}
