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

/** What the driver's test/e2e/ui.mjs answers: ok, a detail line, and per action some data. */
interface UiAnswer {
  ok: boolean;
  detail: string;
  /** quickFix*: the Quick Fix menu's items as shown */
  items?: string[];
  /** squiggles: every warning squiggle drawn, 0-based line and columns measured in the DOM */
  squiggles?: { line: number | null; text: string | null; startColumn: number | null; endColumn: number | null }[];
}

let uiRequests = 0;

/** Asks the workbench driver to act on or read the rendered UI (test/e2e/ui.mjs) and waits for its answer. */
async function ui(signals: string, request: { action: string } & Record<string, unknown>): Promise<UiAnswer> {
  const id = `ui-${++uiRequests}-${request.action}`;
  console.log(`UI_REQUEST ${JSON.stringify({ id, ...request })}`);
  const answer = JSON.parse(await waitForFile(path.join(signals, `${id}.json`), `the driver's answer to ${request.action}`)) as UiAnswer;
  assert(answer.ok, `UI ${request.action} failed: ${answer.detail}`);
  return answer;
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

/**
 * The command line of the language server process the extension started (Linux: /proc), or
 * undefined elsewhere. Our server is the process running `<extension>/dist/server.js`.
 */
function serverCommandLine(extensionPath: string): string[] | undefined {
  if (process.platform !== "linux") return undefined;
  const serverJs = path.join(extensionPath, "dist", "server.js");
  for (const pid of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    let args: string[];
    try {
      args = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    } catch {
      continue; // gone, or not ours to read
    }
    if (args.includes(serverJs)) return args;
  }
  throw new Error(`no process runs ${serverJs}`);
}

const ORDERS_FILE = "/src/orders.ts";

/** Every 0-based line a Warning diagnostic (from any source) covers: where a warning squiggle may be drawn. */
function warningLines(uri: vscode.Uri): Set<number> {
  const covered = new Set<number>();
  for (const d of vscode.languages.getDiagnostics(uri)) {
    if (d.severity !== vscode.DiagnosticSeverity.Warning) continue;
    for (let line = d.range.start.line; line <= d.range.end.line; line++) covered.add(line);
  }
  return covered;
}

/**
 * The editor draws a warning squiggle under exactly the range of each finding in ORDERS_FINDINGS,
 * and none on a line no warning covers (read from the DOM by the driver).
 */
async function assertSquiggles(signals: string, document: vscode.TextDocument): Promise<string> {
  const answer = await ui(signals, { action: "squiggles", file: ORDERS_FILE, lines: ORDERS_FINDINGS.map((f) => f[0]) });
  const drawn = answer.squiggles ?? [];
  const text = lines(document);
  for (const [line, start, , end, rule] of ORDERS_FINDINGS) {
    const here = drawn.filter((s) => s.line === line);
    assert(
      here.length === 1 && here[0].text === text[line] && here[0].startColumn === start && here[0].endColumn === end,
      `expected one warning squiggle at line ${line} columns ${start}-${end} (${rule}) under ${JSON.stringify(text[line])}; drawn: ${JSON.stringify(here)}`,
    );
  }
  const covered = warningLines(document.uri);
  const stray = drawn.filter((s) => s.line === null || !covered.has(s.line));
  assert(stray.length === 0, `warning squiggles where no warning is: ${JSON.stringify(stray)}`);
  return `${drawn.length} warning squiggles, those of floating-promise at exactly its ranges`;
}

/** Puts the cursor at (line, character) of the editor and gives it the keyboard focus. */
async function placeCursor(editor: vscode.TextEditor, line: number, character: number): Promise<void> {
  await vscode.window.showTextDocument(editor.document, { preview: false });
  editor.selection = new vscode.Selection(line, character, line, character);
  editor.revealRange(new vscode.Range(line, character, line, character), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  await vscode.commands.executeCommand("workbench.action.focusActiveEditorGroup");
}

/**
 * Puts the document's text back to `onDisk` with one edit (not the revert command, which acts on
 * whichever editor the workbench considers active right after a menu closed: once, under load, it
 * reverted nothing) and waits for the findings to be back. The document stays unsaved.
 */
async function restore(uri: vscode.Uri, document: vscode.TextDocument, onDisk: string, findings: readonly Expected[]): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), onDisk);
  assert(await vscode.workspace.applyEdit(edit), `could not restore ${path.basename(uri.fsPath)}`);
  await waitForText(document, `${path.basename(uri.fsPath)} to be restored`, (text) => text === onDisk);
  await waitForDiagnostics(uri, `${path.basename(uri.fsPath)} diagnostics after the restore`, exactly(findings));
}

/**
 * Steps through the rendered workbench: the squiggles in the editor, and quick fixes picked from the
 * Quick Fix menu by their titles, once with the mouse (lightbulb) and once with the keyboard (Ctrl+.).
 * Each fix must change the document exactly.
 */
async function editorUi(signals: string, orders: vscode.Uri, ordersOnDisk: string, steps: [string, string, string]): Promise<void> {
  await vscode.commands.executeCommand("workbench.action.closePanel"); // the whole editor visible
  const editor = await show(orders);
  const document = editor.document;
  editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
  await waitForDiagnostics(orders, "the floating-promise diagnostics of orders.ts", exactly(ORDERS_FINDINGS));
  log(`PASS ${steps[0]} squiggles: ${await assertSquiggles(signals, document)}`);

  // The mouse: cursor on `sendReceipt(order);`, click the lightbulb, click "Add `await`".
  await placeCursor(editor, 7, 2);
  const mouse = await ui(signals, { action: "quickFixMouse", file: ORDERS_FILE, title: "Add `await`" });
  for (const title of QUICK_FIX_TITLES) assert(mouse.items?.includes(title), `the Quick Fix menu lacks "${title}": ${JSON.stringify(mouse.items)}`);
  const awaited = ordersOnDisk.replace("\n  sendReceipt(order);\n", "\n  await sendReceipt(order);\n");
  assert(awaited !== ordersOnDisk, "orders.ts has no `  sendReceipt(order);` line");
  await waitForText(document, "the `Add await` fix picked with the mouse", (text) => text === awaited);
  await waitForDiagnostics(orders, "the fixed finding to disappear", exactly(ORDERS_FINDINGS.slice(1)));
  await restore(orders, document, ordersOnDisk, ORDERS_FINDINGS);
  log(`PASS ${steps[1]} lightbulb + mouse: ${mouse.detail}; menu ${JSON.stringify(mouse.items)}; the document changed exactly; restored`);

  // The keyboard: cursor on `ids.map(...)`, Ctrl+., arrow keys to the `void` fix, Enter.
  const voidTitle = "Add `void` to mark a deliberate fire-and-forget";
  await placeCursor(editor, 12, 2);
  const keyboard = await ui(signals, { action: "quickFixKeyboard", file: ORDERS_FILE, title: voidTitle });
  const voided = ordersOnDisk.replace("\n  ids.map(async (id) => deleteOrder(id));\n", "\n  void ids.map(async (id) => deleteOrder(id));\n");
  assert(voided !== ordersOnDisk, "orders.ts has no `  ids.map(async (id) => deleteOrder(id));` line");
  await waitForText(document, "the `void` fix picked with the keyboard", (text) => text === voided);
  await waitForDiagnostics(orders, "the voided finding to disappear", exactly([ORDERS_FINDINGS[0], ...ORDERS_FINDINGS.slice(2)]));
  await restore(orders, document, ordersOnDisk, ORDERS_FINDINGS);
  log(`PASS ${steps[2]} Ctrl+. + keyboard: ${keyboard.detail}; the document changed exactly; restored`);
}

/**
 * Restricted Mode (workspace trust on, folder not trusted). The extension declares
 * `capabilities.untrustedWorkspaces.supported: true` (it never runs workspace code), so everything
 * works as in a trusted folder: diagnostics with the folder's concurrency-lint.json applied, squiggles,
 * quick fixes.
 */
async function untrusted(signals: string, extension: vscode.Extension<unknown>, orders: vscode.Uri, ordersOnDisk: string): Promise<void> {
  assert(vscode.workspace.isTrusted === false, "the workspace is trusted; the untrusted scenario needs Restricted Mode");
  const indicator = await ui(signals, { action: "restrictedMode" });
  log(`PASS U1 Restricted Mode: workspace.isTrusted false, ${indicator.detail}`);

  await show(orders);
  // Warning, not the rule's default: the folder's concurrency-lint.json is read in Restricted Mode.
  await waitForDiagnostics(orders, "the 4 floating-promise diagnostics of orders.ts", exactly(ORDERS_FINDINGS, { severity: vscode.DiagnosticSeverity.Warning }));
  assert(extension.isActive, "the extension is not active in Restricted Mode");
  log("PASS U2 diagnostics in Restricted Mode: the extension active, the 4 floating-promise findings, severities from concurrency-lint.json");

  await editorUi(signals, orders, ordersOnDisk, ["U3", "U4", "U5"]);
  log("ALL PASSED");
}

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

  const driven = process.env.CONCURRENCY_LINT_E2E_UI === "1"; // a workbench driver answers UI_REQUESTs
  if (process.env.CONCURRENCY_LINT_E2E_SCENARIO === "untrusted") {
    assert(driven, "the untrusted scenario needs the workbench driver (test/e2e/run-vscode.mjs)");
    return untrusted(signals, extension, orders, ordersOnDisk);
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
  // The server runs with the deliberate heap limit (concurrencyLint.server.maxMemory, default 1536 MiB).
  const commandLine = serverCommandLine(extension.extensionPath);
  if (commandLine) {
    assert(commandLine.includes("--max-old-space-size=1536"), `the language server's command line lacks --max-old-space-size=1536: ${JSON.stringify(commandLine)}`);
    log(`language server: ${commandLine.filter((a) => a.startsWith("--max-old-space-size")).join(" ")} ${path.basename(path.dirname(commandLine.find((a) => a.endsWith("server.js")) ?? ""))}/server.js`);
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

  // 6-8. The rendered editor: squiggles, quick fixes picked from the menu with the mouse and the keyboard.
  if (driven) await editorUi(signals, orders, ordersOnDisk, ["6", "7", "8"]);
  else log("SKIP 6-8 editor UI: no workbench driver (run-vscode-electron.mjs)");
  log("ALL PASSED");
}
