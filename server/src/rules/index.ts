/** The registry of every shipped rule. Order is the order of docs and listings. */
import type { AnyRule } from "../engine/types";
import { floatingPromise } from "./floating-promise";
import { blockingCallInAsync } from "./blocking-call-in-async";
import { misusedPromise } from "./misused-promise";
import { sharedStateAcrossAwait } from "./shared-state-across-await";
import { unhandledRejectionWindow } from "./unhandled-rejection-window";
import { unboundedConcurrency } from "./unbounded-concurrency";
import { unusedSuppression } from "./unused-suppression";
import { missingSuppressionReason } from "./missing-suppression-reason";
import { parseError } from "./parse-error";

export const allRules: readonly AnyRule[] = [floatingPromise, blockingCallInAsync, misusedPromise, sharedStateAcrossAwait, unhandledRejectionWindow, unboundedConcurrency, unusedSuppression, missingSuppressionReason, parseError];

export const rulesById: ReadonlyMap<string, AnyRule> = new Map(allRules.map((rule) => [rule.meta.id, rule]));

/** Docs live in the repository; every diagnostic links here. */
const DOCS_BASE_URL = "https://github.com/concurrency-lint/concurrency-lint/blob/main/docs/rules/";

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
