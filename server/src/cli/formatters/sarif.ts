/**
 * `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
 * Spec: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
import { pathToFileURL } from "node:url";
import type * as Sarif from "sarif";
import type { AnyRule, InternalError, Range, ReportSeverity, TextEdit } from "../../engine/types";
import { docsUrl } from "../../rules/index";
import type { FileResult, FormatInput } from "./index";
import { FINGERPRINT_KEY, fingerprintFindings } from "../fingerprints";
import { displayPath, isInside, portablePath, SourceIndex } from "./shared";

const SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
const SRCROOT = "%SRCROOT%";
const INFORMATION_URI = "https://github.com/concurrency-lint/concurrency-lint";
export { FINGERPRINT_KEY } from "../fingerprints";

export function formatSarif(input: FormatInput): string {
  return `${JSON.stringify(buildSarifLog(input), null, 2)}\n`;
}

function buildSarifLog(input: FormatInput): Sarif.Log {
  const ruleIndexes = new Map(input.rules.map((rule, index) => [rule.meta.id, index]));
  const sources = new SourceIndex(input.results);
  const context: Context = { cwd: input.cwd, ruleIndexes, sources };

  const results = input.results.flatMap((file) => fileResults(file, context));
  const invocation: Sarif.Invocation = { executionSuccessful: input.internalErrors.length === 0 };
  if (input.internalErrors.length > 0) {
    invocation.toolExecutionNotifications = input.internalErrors.map((error) => notification(error, context));
  }

  const run: Sarif.Run = {
    tool: {
      driver: {
        name: "concurrency-lint",
        version: input.toolVersion,
        informationUri: INFORMATION_URI,
        rules: input.rules.map(ruleDescriptor),
      },
    },
    originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(input.cwd) } },
    invocations: [invocation],
    // Finding ranges count UTF-16 code units, like TypeScript.
    columnKind: "utf16CodeUnits",
    results,
  };
  return { $schema: SARIF_SCHEMA_URI, version: "2.1.0", runs: [run] };
}

interface Context {
  cwd: string;
  ruleIndexes: ReadonlyMap<string, number>;
  sources: SourceIndex;
}

function ruleDescriptor(rule: AnyRule): Sarif.ReportingDescriptor {
  const { id, docs, defaultSeverity } = rule.meta;
  const url = docsUrl(id);
  return {
    id,
    shortDescription: { text: docs.description },
    help: { text: `${docs.rationale}\n\nDocumentation: ${url}`, markdown: `${docs.rationale}\n\n[Documentation](${url})` },
    helpUri: url,
    // An opt-in rule (default `off`) is described as not enabled by default.
    defaultConfiguration: defaultSeverity === "off" ? { enabled: false } : { level: level(defaultSeverity) },
  };
}

function fileResults(file: FileResult, context: Context): Sarif.Result[] {
  // Reading order, each with the fingerprint baselines use too (`--baseline`).
  return fingerprintFindings(file.fileName, file.sourceText, file.findings, context.cwd).map(({ finding, fingerprint }) => {
    const result: Sarif.Result = {
      ruleId: finding.ruleId,
      level: level(finding.severity),
      message: { text: finding.message },
      locations: [{ physicalLocation: physicalLocation(finding.fileName, finding.range, context) }],
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    };
    const ruleIndex = context.ruleIndexes.get(finding.ruleId);
    if (ruleIndex !== undefined) result.ruleIndex = ruleIndex;
    if (finding.related.length > 0) {
      result.relatedLocations = finding.related.map((related, i) => ({
        id: i + 1,
        physicalLocation: physicalLocation(related.fileName, related.range, context),
        message: { text: related.message },
      }));
    }
    // `--fix` applies only safe fixes unattended; SARIF consumers may do the same with these.
    const fixes = finding.fixes.filter((fix) => fix.kind === "safe" && fix.edits.length > 0);
    if (fixes.length > 0) {
      result.fixes = fixes.map((fix) => ({
        description: { text: fix.title },
        artifactChanges: artifactChanges(fix.edits, context),
      }));
    }
    return result;
  });
}

function notification(error: InternalError, context: Context): Sarif.Notification {
  const associatedRule: Sarif.ReportingDescriptorReference = { id: error.ruleId };
  const index = context.ruleIndexes.get(error.ruleId);
  if (index !== undefined) associatedRule.index = index;
  return {
    level: "error",
    message: {
      text: `Internal error in rule ${error.ruleId} while linting ${displayPath(context.cwd, error.fileName)}: ${error.message}`,
    },
    associatedRule,
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(error.fileName, context.cwd) } }],
  };
}

function artifactChanges(edits: readonly TextEdit[], context: Context): Sarif.ArtifactChange[] {
  const byFile = new Map<string, TextEdit[]>();
  for (const edit of edits) {
    const list = byFile.get(edit.fileName);
    if (list === undefined) byFile.set(edit.fileName, [edit]);
    else list.push(edit);
  }
  return [...byFile].map(([fileName, fileEdits]) => ({
    artifactLocation: artifactLocation(fileName, context.cwd),
    replacements: fileEdits.map((edit) => {
      const replacement: Sarif.Replacement = { deletedRegion: editRegion(edit, context) };
      if (edit.newText !== "") replacement.insertedContent = { text: edit.newText };
      return replacement;
    }),
  }));
}

/** Lines and columns when the file's text is at hand; character offsets otherwise. */
function editRegion(edit: TextEdit, context: Context): Sarif.Region {
  const lines = context.sources.get(edit.fileName);
  if (lines === undefined) return { charOffset: edit.start, charLength: edit.end - edit.start };
  return region({ start: lines.positionAt(edit.start), end: lines.positionAt(edit.end) });
}

function physicalLocation(fileName: string, range: Range, context: Context): Sarif.PhysicalLocation {
  return { artifactLocation: artifactLocation(fileName, context.cwd), region: region(range) };
}

function region(range: Range): Sarif.Region {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** Relative to `%SRCROOT%` (the cwd) when inside it, so the log does not depend on the checkout path. */
function artifactLocation(fileName: string, cwd: string): Sarif.ArtifactLocation {
  if (!isInside(cwd, fileName)) return { uri: pathToFileURL(fileName).href };
  const uri = portablePath(cwd, fileName).split("/").map(encodeURIComponent).join("/");
  return { uri, uriBaseId: SRCROOT };
}

function directoryUri(directory: string): string {
  const href = pathToFileURL(directory).href;
  return href.endsWith("/") ? href : `${href}/`;
}

function level(severity: ReportSeverity): Sarif.ReportingConfiguration.level {
  return severity === "info" ? "note" : severity;
}
