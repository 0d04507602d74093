// The workbench side of the VS Code end-to-end suite: what only the rendered UI can show. The suite
// (test/e2e/vscode/suite.ts, in the extension host) logs `UI_REQUEST {"id", "action", ...}`;
// run-vscode.mjs passes the request here, and the answer goes to `<signals>/<id>.json` (written
// under a temporary name and renamed, so the suite never reads half a file).
//
// Actions:
//   squiggles        {file, lines}  waits until the editor of `file` draws a warning squiggle on every
//                                   0-based line in `lines`; answers every warning squiggle drawn, as
//                                   {line, text, startColumn, endColumn} measured from the DOM.
//   quickFixMouse    {file, title}  clicks the lightbulb (the editor's `.lightBulbWidget`, or its gutter
//                                   variant `codicon-gutter-lightbulb*`), then the menu item `title`.
//   quickFixKeyboard {file, title}  Ctrl+. in the focused editor, arrow keys to `title`, Enter.
//   restrictedMode   {}             waits for the status bar's Restricted Mode indicator.
//
// Selection is by stable hooks only: the editor's `data-uri` attribute, the `squiggly-warning`
// decoration in `.view-overlays`, the lightbulb widget, the action widget's
// list rows by their exact text. Every wait is on DOM state with a timeout; no fixed sleeps.
import { renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const UI_TIMEOUT_MS = 20_000;

/** The rendered editor of the file whose URI ends with `file` (e.g. "/src/orders.ts"). */
function editorOf(page, file) {
  return page.locator(`.part.editor .monaco-editor[data-uri$="${file}"]`);
}

/** The action widget's list rows (the Quick Fix menu), excluding group headers. */
function menuRows(page) {
  return page.locator(".action-widget .monaco-list-row:not(.group-header)");
}

const exactText = (text) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`);

/**
 * Installs `window.__concurrencyLintSquiggles(file)` in the page: every warning squiggle the editor
 * of `file` draws, with the line and columns under it.
 */
function installSquiggleReader() {
  window.__concurrencyLintSquiggles = readSquiggles;
  function readSquiggles(file) {
  const editor = [...document.querySelectorAll(".part.editor .monaco-editor[data-uri]")].find((e) => e.getAttribute("data-uri").endsWith(file));
  if (!editor) return null;
  // x of the caret before `column` in a rendered line (walks its text nodes)
  const xOfColumn = (lineEl, column) => {
    const walker = document.createTreeWalker(lineEl, NodeFilter.SHOW_TEXT);
    let seen = 0;
    let last = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent.length;
      if (column <= seen + length) {
        const range = document.createRange();
        range.setStart(node, column - seen);
        range.setEnd(node, column - seen);
        return range.getBoundingClientRect().left;
      }
      seen += length;
      last = node;
    }
    if (!last) return lineEl.getBoundingClientRect().left;
    const range = document.createRange();
    range.selectNodeContents(last);
    return range.getBoundingClientRect().right;
  };
  const lines = [...editor.querySelectorAll(".view-lines .view-line")];
  const viewLine = (top) => lines.find((l) => l.style.top === top);
  // The line number of a rendered line: the margin's line numbers sit at the same `top`.
  const numbers = [...editor.querySelectorAll(".margin-view-overlays .line-numbers")];
  const numberAt = (top) => {
    const n = numbers.find((el) => el.parentElement.style.top === top);
    return n ? Number(n.textContent.trim()) - 1 : null;
  };
  return [...editor.querySelectorAll(".view-overlays .squiggly-warning")].map((squiggle) => {
    const top = squiggle.parentElement.style.top;
    const line = viewLine(top);
    if (!line) return { line: numberAt(top), text: null, startColumn: null, endColumn: null };
    const text = line.textContent.replace(/\u00a0/g, " ");
    const box = squiggle.getBoundingClientRect();
    const closest = (x) => {
      let best = 0;
      for (let c = 1; c <= text.length; c++) if (Math.abs(xOfColumn(line, c) - x) < Math.abs(xOfColumn(line, best) - x)) best = c;
      return best;
    };
    return { line: numberAt(top), text, startColumn: closest(box.left), endColumn: closest(box.right) };
  });
  }
}

async function squiggles(page, { file, lines }) {
  await editorOf(page, file).waitFor({ state: "visible", timeout: UI_TIMEOUT_MS });
  await page.evaluate(installSquiggleReader);
  const read = (file) => window.__concurrencyLintSquiggles(file);
  try {
    await page.waitForFunction(
      ({ file, lines }) => {
        const drawn = window.__concurrencyLintSquiggles(file);
        return drawn && lines.every((line) => drawn.some((s) => s.line === line));
      },
      { file, lines },
      { timeout: UI_TIMEOUT_MS },
    );
  } catch (error) {
    const drawn = await page.evaluate(read, file);
    return { ok: false, detail: `no warning squiggle on every line of ${JSON.stringify(lines)} within ${UI_TIMEOUT_MS} ms (${error.message.split("\n")[0]}); drawn: ${JSON.stringify(drawn)}` };
  }
  const drawn = await page.evaluate(read, file);
  return { ok: true, detail: `${drawn.length} warning squiggles`, squiggles: drawn };
}

/** Waits for the Quick Fix menu, answers its item texts. */
async function openMenu(page) {
  await menuRows(page).first().waitFor({ state: "visible", timeout: UI_TIMEOUT_MS });
  return (await menuRows(page).allInnerTexts()).map((t) => t.trim());
}

async function menuClosed(page) {
  await page.locator(".action-widget .monaco-list-row").first().waitFor({ state: "hidden", timeout: UI_TIMEOUT_MS });
}

async function quickFixMouse(page, { file, title }) {
  // The lightbulb: a content widget next to the line, or (when the line leaves no room) a gutter decoration.
  const bulb = editorOf(page, file).locator('.lightBulbWidget:visible, [class*="codicon-gutter-lightbulb"]:visible').first();
  // On a loaded machine the lightbulb can show TypeScript's own refactorings ("Move to file")
  // before our server's quick fixes for the line arrive: close the menu and look again, as a
  // user would, for a few seconds; a quick fix that never comes still fails.
  const attempts = 5;
  for (let attempt = 1; ; attempt++) {
    await bulb.waitFor({ state: "visible", timeout: UI_TIMEOUT_MS });
    const bulbClass = await bulb.getAttribute("class");
    await bulb.click();
    const items = await openMenu(page);
    const row = menuRows(page).filter({ hasText: exactText(title) });
    const count = await row.count();
    if (count === 1) {
      await row.click();
      await menuClosed(page);
      return { ok: true, detail: `lightbulb (${bulbClass}) clicked, ${JSON.stringify(title)} clicked${attempt > 1 ? ` (menu opened ${attempt} times)` : ""}`, items };
    }
    if (count > 1 || attempt === attempts) return { ok: false, detail: `the menu has ${count} items reading ${JSON.stringify(title)} (menu opened ${attempt} times)`, items };
    await page.keyboard.press("Escape");
    await menuClosed(page);
    await page.waitForTimeout(1000);
  }
}

async function quickFixKeyboard(page, { file, title }) {
  // The keys go where the focus is: wait until it is in the editor of `file` (the suite focused it).
  await page.waitForFunction((file) => document.activeElement?.closest(".monaco-editor")?.getAttribute("data-uri")?.endsWith(file), file, { timeout: UI_TIMEOUT_MS });
  await page.keyboard.press("Control+Period");
  const items = await openMenu(page);
  const focused = page.locator(".action-widget .monaco-list-row.focused");
  const wanted = exactText(title);
  for (let step = 0; step <= items.length; step++) {
    await focused.waitFor({ state: "visible", timeout: UI_TIMEOUT_MS });
    const index = await focused.getAttribute("data-index");
    if (wanted.test(await focused.innerText())) {
      await page.keyboard.press("Enter");
      await menuClosed(page);
      return { ok: true, detail: `Ctrl+. then ${step} × ArrowDown then Enter on ${JSON.stringify(title)}`, items };
    }
    await page.keyboard.press("ArrowDown");
    await page.waitForFunction((index) => document.querySelector(".action-widget .monaco-list-row.focused")?.getAttribute("data-index") !== index, index, { timeout: UI_TIMEOUT_MS });
  }
  await page.keyboard.press("Escape");
  return { ok: false, detail: `the arrow keys never reached ${JSON.stringify(title)}`, items };
}

async function restrictedMode(page) {
  const indicator = page.locator(".part.statusbar .statusbar-item").filter({ hasText: "Restricted Mode" });
  await indicator.first().waitFor({ state: "visible", timeout: UI_TIMEOUT_MS });
  return { ok: true, detail: `status bar: ${JSON.stringify((await indicator.first().innerText()).trim())}` };
}

const ACTIONS = { squiggles, quickFixMouse, quickFixKeyboard, restrictedMode };

/** Performs one request of the suite and writes the answer (never throws: a failure is an answer). */
export async function answerUiRequest(page, signals, request, say, resultsDir) {
  let answer;
  try {
    const action = ACTIONS[request.action];
    if (!action) throw new Error(`unknown UI action ${request.action}`);
    answer = await action(page, request);
  } catch (error) {
    answer = { ok: false, detail: `${request.action} failed: ${error.message.split("\n").slice(0, 3).join(" ")}` };
  }
  if (!answer.ok) {
    const shot = join(resultsDir, `vscode-ui-${request.id}.png`);
    await page.screenshot({ path: shot }).catch(() => {});
    answer.detail += ` (screenshot ${shot})`;
  }
  say(`[driver] UI ${request.id}: ${answer.ok ? "ok" : "FAILED"}: ${answer.detail}`);
  writeFileSync(join(signals, `${request.id}.json.tmp`), JSON.stringify(answer));
  renameSync(join(signals, `${request.id}.json.tmp`), join(signals, `${request.id}.json`));
}
