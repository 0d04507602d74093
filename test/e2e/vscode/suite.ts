/**
 * End-to-end tests of the packaged extension in a real VS Code: the module VS Code loads as
 * `extensionTestsPath` (the same module serves test/e2e/run-vscode.mjs, which drives the VS Code
 * server from the npm package code-server, and test/e2e/run-vscode-electron.mjs, for desktop VS Code).
 *
 * The workspace is a copy of examples/demo. The expected findings are those of
 * `node bin/concurrency-lint.js examples/demo --format json`, in 0-based positions.
 *
 * No fixed sleeps: every wait is for an event (diagnostics changed, a file appearing) with a timeout.
 */
import * as fs from "node:fs";
import { access, readFile, writeFile } from "node:fs/promises";
import * as path from "node:path";
import * as vscode from "vscode";

const EXTENSION_ID = "concurrency-lint.concurrency-lint";
const SOURCE = "concurrency-lint";
const DOCS_PREFIX = "https://github.com/concurrency-lint/concurrency-lint/blob/main/docs/rules/";
const WAIT_MS = 45_000;

/** [startLine, startChar, endLine, endChar, rule] in 0-based positions, sorted. */
type Expected = [number, number, number, number, string];
const ORDERS_FINDINGS: Expected[] = [
  [7, 2, 7, 20, "floating-promise"], // sendReceipt(order);
  [12, 2, 12, 40, "floating-promise"], // ids.map(async (id) => deleteOrder(id));
  [17, 2, 17, 64, "floating-promise"], // findOrder(id).then(...)
  [21, 8, 21, 16, "floating-promise"], // const previous = findOrder(id);  (dropped local)
];
const SERVER_FINDINGS: Expected[] = [
  [6, 4, 6, 101, "unused-suppression"],
  [20, 2, 20, 56, "missing-suppression-reason"],
];
/** server.ts after fix-all on save: the unused suppression's line is gone, everything below moves up one. */
const SERVER_FINDINGS_AFTER_FIX: Expected[] = [[19, 2, 19, 56, "missing-suppression-reason"]];
const SUPPRESSION_RULES = ["unused-suppression", "missing-suppression-reason"];

const QUICK_FIX_TITLES = [
  "Add `await`",
  "Add a `.catch()` handler",
  "Add `void` to mark a deliberate fire-and-forget",
  "Disable floating-promise for this line",
  "Disable floating-promise for the entire file",
  "Show documentation for floating-promise",
];

function log(message: string): void {
  console.log(`[test] ${message}`);
}

// ---- waiting -------------------------------------------------------------------------------------

/** Resolves once `check()` returns a value (checked now and after every diagnostics change). */
function waitForDiagnostics<T>(uri: vscode.Uri, what: string, check: (d: vscode.Diagnostic[]) => T | undefined, timeoutMs = WAIT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const current = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      listener.dispose();
      fn();
    };
    const evaluate = () => {
      try {
        const value = check(current());
        if (value !== undefined) finish(() => resolve(value));
      } catch (error) {
        finish(() => reject(error instanceof Error ? error : new Error(String(error))));
      }
    };
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) evaluate();
    });
    const timer = setTimeout(
      () => finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; diagnostics of ${path.basename(uri.fsPath)} now:\n${describe(current())}`))),
      timeoutMs,
    );
    evaluate();
  });
}

/** Resolves when the file exists (the driver's answer to a request logged by the test). */
function waitForFile(file: string, what: string, timeoutMs = WAIT_MS): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      if (fs.existsSync(file)) {
        clearInterval(poll);
        resolve(fs.readFileSync(file, "utf8"));
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(poll);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} (${file})`));
      }
    }, 50);
  });
}

/** Resolves once the document's text satisfies `check` (now or after a change). */
function waitForText(document: vscode.TextDocument, what: string, check: (text: string) => boolean, timeoutMs = WAIT_MS): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (check(document.getText())) return resolve();
    const listener = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === document && check(document.getText())) {
        clearTimeout(timer);
        listener.dispose();
        resolve();
      }
    });
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; text now:\n${document.getText()}`));
    }, timeoutMs);
  });
}

// ---- diagnostics helpers -----------------------------------------------------------------------

function codeOf(d: vscode.Diagnostic): { value: string; target: string } {
  const code = d.code;
  if (code && typeof code === "object") return { value: String(code.value), target: code.target.toString() };
  return { value: String(code), target: "" };
}

function describe(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return "  (none)";
  return diagnostics
    .map((d) => {
      const { value, target } = codeOf(d);
      const r = d.range;
      return `  (${r.start.line},${r.start.character})-(${r.end.line},${r.end.character}) ${vscode.DiagnosticSeverity[d.severity]} ${value} <${target}> ${d.message.slice(0, 60)}`;
    })
    .join("\n");
}

const sorted = (diagnostics: readonly vscode.Diagnostic[]) =>
  [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);

/**
 * The diagnostics if those of `rules` (default: the rules `expected` names) are exactly `expected`
 * (ranges, codes, and `severity` if given), else undefined. Other rules' findings in the demo are
 * ignored, so that adding a rule (and a demo of it) does not break these checks.
 */
function exactly(expected: readonly Expected[], { severity, rules }: { severity?: vscode.DiagnosticSeverity; rules?: readonly string[] } = {}) {
  const ruleSet = new Set(rules ?? expected.map((e) => e[4]));
  return (diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] | undefined => {
    const actual = sorted(diagnostics.filter((d) => ruleSet.has(codeOf(d).value)));
    if (actual.length !== expected.length) return undefined;
    const matches = actual.every((d, i) => {
      const [sl, sc, el, ec, rule] = expected[i];
      const r = d.range;
      return r.start.line === sl && r.start.character === sc && r.end.line === el && r.end.character === ec && codeOf(d).value === rule && (severity === undefined || d.severity === severity);
    });
    return matches ? actual : undefined;
  };
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function show(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

function lines(document: vscode.TextDocument): string[] {
  return document.getText().split(/\r?\n/);
}

// ---- the tests ---------------------------------------------------------------------------------

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert(folder, "no workspace folder is open");
  const root = folder.uri.fsPath;
  // The driver answers UI requests through files in the folder next to the workspace copy.
  const signals = process.env.CONCURRENCY_LINT_E2E_SIGNALS ?? path.join(path.dirname(root), "signals");
  const orders = vscode.Uri.file(path.join(root, "src", "orders.ts"));
  const server = vscode.Uri.file(path.join(root, "src", "server.ts"));
  const ordersOnDisk = await readFile(orders.fsPath, "utf8");
  const serverOnDisk = await readFile(server.fsPath, "utf8");
  // Everything at trace level, our client's LSP trace included (concurrencyLint.trace.server is
  // "verbose" in the workspace): on a failure, test-results/vscode-logs holds the whole conversation.
  await Promise.resolve(vscode.commands.executeCommand("_extensionTests.setLogLevel", "trace")).catch(() => undefined);
  log(`VS Code ${vscode.version}, ${vscode.env.appName}, uiKind=${vscode.UIKind[vscode.env.uiKind]}, remote=${vscode.env.remoteName ?? "none"}`);

  // 0. The extension under test is the one installed from the .vsix, with its trimmed TypeScript.
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert(extension, `extension ${EXTENSION_ID} is not installed`);
  const packageJson = extension.packageJSON as { version?: string };
  log(`extension ${extension.id} ${packageJson.version} at ${extension.extensionPath}`);
  if (process.env.CONCURRENCY_LINT_E2E_EXPECT_INSTALLED === "1") {
    assert(
      path.basename(extension.extensionPath) === `${EXTENSION_ID}-${packageJson.version}`,
      `expected the extension installed from the .vsix, found ${extension.extensionPath}`,
    );
    await access(path.join(extension.extensionPath, "node_modules", "typescript", "lib", "typescript.js")).catch(() => {
      throw new Error("the installed extension has no node_modules/typescript/lib/typescript.js");
    });
  }

  // 1. Diagnostics: exact ranges, codes and documentation links.
  await show(orders);
  const ordersDiagnostics = await waitForDiagnostics(orders, "the 4 floating-promise diagnostics of orders.ts", exactly(ORDERS_FINDINGS));
  await extension.activate(); // already active (it published diagnostics); returns at once
  for (const d of ordersDiagnostics) {
    const { target } = codeOf(d);
    assert(target === `${DOCS_PREFIX}floating-promise.md`, `code.target is ${target}`);
    assert(d.severity === vscode.DiagnosticSeverity.Warning, `severity ${vscode.DiagnosticSeverity[d.severity]}, expected Warning (concurrency-lint.json)`);
  }
  log(`orders.ts diagnostics:\n${describe(vscode.languages.getDiagnostics(orders).filter((d) => d.source === SOURCE))}`);
  await show(server);
  const serverDiagnostics = await waitForDiagnostics(server, "the suppression diagnostics of server.ts", exactly(SERVER_FINDINGS));
  for (const d of serverDiagnostics) {
    const { value, target } = codeOf(d);
    assert(target === `${DOCS_PREFIX}${value}.md`, `code.target is ${target}`);
  }
  log(`server.ts diagnostics:\n${describe(vscode.languages.getDiagnostics(server).filter((d) => d.source === SOURCE))}`);
  log("PASS 1 diagnostics: sources, codes, 0-based ranges and documentation links");

  // 2. The Problems panel shows them (the driver reads the panel, takes the screenshot, answers in a file).
  await show(orders);
  await vscode.commands.executeCommand("workbench.actions.view.problems");
  console.log("CHECK_UI_NOW");
  const ui = JSON.parse(await waitForFile(path.join(signals, "ui-check.json"), "the driver's Problems panel check")) as { ok: boolean; detail: string };
  assert(ui.ok, `Problems panel check failed: ${ui.detail}`);
  log(`PASS 2 Problems panel: ${ui.detail}`);

  // 3. A quick fix edits the document.
  const ordersEditor = await show(orders);
  const ordersDocument = ordersEditor.document;
  const first = ordersDiagnostics[0];
  const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    "vscode.executeCodeActionProvider",
    orders,
    first.range,
    vscode.CodeActionKind.QuickFix.value,
    20,
  )) ?? [];
  // Code actions, not bare commands (a bare Command's `command` is the command id).
  const ours = actions.filter((a): a is vscode.CodeAction => typeof a.command !== "string");
  const titles = ours.map((a) => a.title);
  log(`code actions at (7,2): ${JSON.stringify(titles)}`);
  for (const title of QUICK_FIX_TITLES) assert(titles.includes(title), `missing code action "${title}"; got ${JSON.stringify(titles)}`);
  const addAwait = ours.find((a) => a.title === "Add `await`")!;
  assert(addAwait.edit, "the `Add await` action has no edit");
  assert(await vscode.workspace.applyEdit(addAwait.edit), "applyEdit(Add `await`) failed");
  assert(lines(ordersDocument)[7] === "  await sendReceipt(order);", `line 8 reads ${JSON.stringify(lines(ordersDocument)[7])}`);
  await waitForDiagnostics(orders, "the fixed finding to disappear", exactly(ORDERS_FINDINGS.slice(1)));
  await vscode.window.showTextDocument(ordersDocument);
  await vscode.commands.executeCommand("workbench.action.files.revert");
  await waitForText(ordersDocument, "orders.ts to be reverted", (text) => text === ordersOnDisk);
  await waitForDiagnostics(orders, "orders.ts diagnostics after the revert", exactly(ORDERS_FINDINGS));
  log("PASS 3 quick fix: `Add await` applied, its diagnostic gone, file reverted");

  // 4. Fix-all on save (editor.codeActionsOnSave: source.fixAll.concurrencyLint) applies safe fixes only.
  const serverEditor = await show(server);
  const serverDocument = serverEditor.document;
  const suppressionActions = (await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", server, serverDiagnostics[0].range, vscode.CodeActionKind.QuickFix.value)) ?? [];
  const suppressionTitles = suppressionActions.map((a) => a.title);
  for (const title of ["Remove the unused suppression", "Fix all unused-suppression problems in this file", "Show documentation for unused-suppression"]) {
    assert(suppressionTitles.includes(title), `missing code action "${title}" at server.ts (6,4); got ${JSON.stringify(suppressionTitles)}`);
  }
  const fixAllKind = vscode.CodeActionKind.SourceFixAll.append("concurrencyLint");
  const fixAll = (await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", server, new vscode.Range(0, 0, 0, 0), fixAllKind.value)) ?? [];
  assert(fixAll.some((a) => a.kind?.value === fixAllKind.value), `no ${fixAllKind.value} code action; got ${JSON.stringify(fixAll.map((a) => [a.title, a.kind?.value]))}`);
  log(`code actions at server.ts (6,4): ${JSON.stringify(suppressionTitles)}; ${fixAllKind.value}: ${JSON.stringify(fixAll.map((a) => a.title))}`);
  const end = serverDocument.lineAt(serverDocument.lineCount - 1).range.end;
  assert(await serverEditor.edit((edit) => edit.insert(end, "\n")), "could not edit server.ts");
  assert(serverDocument.isDirty, "server.ts is not dirty after an edit");
  await vscode.commands.executeCommand("workbench.action.files.save");
  await waitForText(serverDocument, "fix-all on save", (text) => !text.includes("-- errors are answered by the .catch below"));
  assert(!serverDocument.isDirty, "server.ts is still dirty after saving");
  const original = serverOnDisk.split(/\r?\n/);
  const expected = [...original.slice(0, 6), ...original.slice(7), ""]; // line 7 removed, one newline added
  const after = lines(serverDocument);
  assert(after[5] === "    // A stale suppression: the chain below handles its errors, so this hides nothing today.", `line 6 reads ${JSON.stringify(after[5])}`);
  assert(after[6] === '    placeOrder({ id: String(Date.now()), customer: "demo@example.com", total: 1 })', `line 7 reads ${JSON.stringify(after[6])}`);
  assert(after[19] === "  // concurrency-lint-disable-next-line floating-promise" && after[20] === "  flush();", `lines 20-21 read ${JSON.stringify(after.slice(19, 21))}`);
  assert(JSON.stringify(after) === JSON.stringify(expected), `server.ts after save:\n${serverDocument.getText()}`);
  assert(!/\b(await|void) flush\(\)/.test(serverDocument.getText()), "a suggestion (await/void) was applied on save");
  assert((await readFile(server.fsPath, "utf8")) === serverDocument.getText(), "the saved file differs from the editor");
  assert((await readFile(orders.fsPath, "utf8")) === ordersOnDisk, "orders.ts changed on disk");
  await waitForDiagnostics(server, "server.ts diagnostics after fix-all on save", exactly(SERVER_FINDINGS_AFTER_FIX, { rules: SUPPRESSION_RULES }));
  await writeFile(server.fsPath, serverOnDisk);
  await vscode.window.showTextDocument(serverDocument);
  await vscode.commands.executeCommand("workbench.action.files.revert");
  await waitForText(serverDocument, "server.ts to be restored", (text) => text === serverOnDisk);
  await waitForDiagnostics(server, "server.ts diagnostics after the restore", exactly(SERVER_FINDINGS));
  log("PASS 4 fix-all on save: the unused suppression removed, nothing else changed");

  // 5. A settings change alters severity.
  await show(orders);
  const config = () => vscode.workspace.getConfiguration("concurrencyLint", folder.uri);
  await config().update("rules", { "floating-promise": "error" }, vscode.ConfigurationTarget.Workspace);
  await waitForDiagnostics(orders, "floating-promise diagnostics as errors", exactly(ORDERS_FINDINGS, { severity: vscode.DiagnosticSeverity.Error }));
  await config().update("rules", undefined, vscode.ConfigurationTarget.Workspace);
  await waitForDiagnostics(orders, "floating-promise diagnostics back to warnings", exactly(ORDERS_FINDINGS, { severity: vscode.DiagnosticSeverity.Warning }));
  log("PASS 5 settings: concurrencyLint.rules turns floating-promise into errors and back");
  log("ALL PASSED");
}
