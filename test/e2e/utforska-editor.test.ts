// The notebook's editor (src/components/notebook/editor.js, editorLines.js):
// a SQL error said in Swedish and marked where it is, from DuckDB-WASM's own
// message (a parser error comes from it as JSON, which must never show); and
// line numbers that stay beside their lines after a reload, for a cell below
// the fold on a phone with a line long enough to wrap.
import type {Locator, Page} from "playwright-core";
import {expect, inject, test} from "vitest";
import {join} from "node:path";
import {closeSharedBrowserAfterAll, openPage, SCREENSHOTS, sharedBrowser, waitForContent, type OpenedPage} from "./browser.js";

closeSharedBrowserAfterAll();

const cell = (page: Page, name: string) => page.locator(`.nb-cell[data-cell="${name}"]`);
const done = (page: Page, name: string) => page.locator(`.nb-cell[data-cell="${name}"][data-state="done"]`);

/** The editor's text, line by line, as on screen. */
function editorLines(editor: Locator): Promise<string[]> {
  return editor.locator(".cm-line").allTextContents();
}

/** The whole page's text, hidden parts (closed <details>) included. */
const pageText = (page: Page) => page.evaluate(() => document.body.textContent ?? "");

/** The notebook page once its example cell has run, with a new cell (resultat2) holding `sql` typed as a person would. */
async function openWithCell(viewport: {width: number; height: number}, sql: string): Promise<OpenedPage> {
  const opened = await openPage(await sharedBrowser(), inject("baseUrl"), "/utforska", {viewport});
  await waitForContent(opened.page, done(opened.page, "resultat1"));
  await opened.page.locator('[data-action="add-cell"]').click();
  await opened.page.keyboard.type(sql);
  return opened;
}

test("a syntax error is said in Swedish, marked at its line and token, and the mark goes when the text is edited", async () => {
  // "ORDER area_code" lacks its BY: DuckDB-WASM reports it as JSON with a character position.
  const opened = await openWithCell({width: 1400, height: 1000}, "SELECT area_code, year\nFROM observations\nWHERE year > 2015 ORDER area_code");
  const {page} = opened;
  try {
    await page.keyboard.press("Control+Enter");
    const box = cell(page, "resultat2").locator(".nb-error");
    await expect(box).toHaveCount(1);

    const editor = cell(page, "resultat2").locator(".cm-content");
    const lines = await editorLines(editor);
    expect(lines).toHaveLength(3);
    const column = lines[2]!.lastIndexOf("area_code") + 1;
    await expect(box.locator("strong")).toHaveText("Syntaxfel: DuckDB kunde inte tolka frågan");
    await expect(box.locator(".nb-error-message")).toHaveText(`Syntaxfel nära "area_code" på rad 3, kolumn ${column}.`);
    // DuckDB's own text is kept, folded away, its excerpt counting the cell's lines.
    const original = box.locator("details");
    expect(await original.getAttribute("open")).toBeNull();
    await original.locator("summary").click();
    await expect(original.locator("pre")).toContainText('Parser Error: syntax error at or near "area_code"');
    await expect(original.locator("pre")).toContainText(`LINE 3: ${lines[2]}`);
    expect(await pageText(page)).not.toMatch(/exception_type|exception_message|"position"/);

    // The mark: the token underlined, its line number highlighted, the text invalid and described by the message.
    await expect(editor.locator(".nb-error-token")).toHaveText("area_code");
    await expect(editor.locator(".cm-line.nb-error-line")).toHaveCount(1);
    expect(await editor.locator(".cm-line.nb-error-line").getAttribute("data-line")).toBe("3");
    expect(await editor.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await editor.getAttribute("aria-describedby"))!;
    await expect(page.locator(`[id="${describedBy}"] .nb-error-message`)).toHaveText(/^Syntaxfel nära "area_code" på rad 3/);
    const markColour = await editor.locator(".cm-line.nb-error-line").evaluate((line) => getComputedStyle(line, "::before").color);
    const plainColour = await editor.locator(".cm-line").first().evaluate((line) => getComputedStyle(line, "::before").color);
    expect(markColour).not.toBe(plainColour);
    await opened.screenshot("utforska-syntaxfel");

    // Editing the text takes the mark away.
    await editor.locator(".nb-error-token").click();
    await page.keyboard.press("End");
    await page.keyboard.type(" ");
    await expect(editor.locator(".nb-error-token")).toHaveCount(0);
    await expect(editor.locator(".nb-error-line")).toHaveCount(0);
    expect(await editor.getAttribute("aria-invalid")).toBeNull();
    expect(await editor.getAttribute("aria-describedby")).toBeNull();

    // A catalog error gets DuckDB's "Did you mean" in Swedish; fixed, the cell runs and the error goes.
    await page.keyboard.press("Control+a");
    await page.keyboard.type("SELECT count(*) AS n\nFROM observationer");
    await page.keyboard.press("Control+Enter");
    const fromColumn = (await editorLines(editor))[1]!.indexOf("observationer") + 1;
    await expect(box.locator(".nb-error-message")).toHaveText(`Tabellen "observationer" finns inte (rad 2, kolumn ${fromColumn}). Menade du "observations"?`);
    await expect(editor.locator(".nb-error-token")).toHaveText("observationer");
    await page.keyboard.press("Control+a");
    await page.keyboard.type("SELECT count(*) AS n\nFROM observations");
    await page.keyboard.press("Control+Enter");
    await waitForContent(page, done(page, "resultat2"));
    await expect(cell(page, "resultat2").locator(".nb-error")).toHaveCount(0);
    await expect(editor.locator(".nb-error-line")).toHaveCount(0);
    opened.expectClean();
  } finally {
    await opened.close();
  }
}, 120_000);

/**
 * For each line of an editor: its number (the ::before's text), where the
 * number's first row is, and where the line's text starts (a range over it),
 * measured without scrolling.
 */
function measureLines(editor: Locator) {
  return editor.locator(".cm-line").evaluateAll((lines) =>
    lines.map((line) => {
      const number = getComputedStyle(line, "::before");
      const box = line.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(line);
      const rows = [...range.getClientRects()];
      return {
        text: line.textContent ?? "",
        number: number.content.replace(/^"(\d*)".*$/, "$1"),
        numberTop: box.top + Number.parseFloat(number.top),
        numberHeight: Number.parseFloat(number.lineHeight),
        textTop: Math.min(...rows.map((r) => r.top)),
        textBottom: Math.max(...rows.map((r) => r.bottom)),
        lineHeight: Number.parseFloat(getComputedStyle(line).lineHeight)
      };
    })
  );
}

test("after a reload, each line number sits beside its line, also beside a long line that wraps in a cell below the fold", async () => {
  const long = "SELECT indicator_id, area_code, year, value, numerator, denominator, status, source, value * 2 AS dubbla, 'Åsa' AS namn";
  const opened = await openWithCell({width: 390, height: 800}, `-- varje kolumn\n${long}\nFROM observations\nWHERE year > 2015\nLIMIT 5`);
  const {page} = opened;
  try {
    // Saved to localStorage before the reload.
    await page.waitForFunction(() => Object.values(localStorage).some((v) => v.includes("dubbla")));

    await page.reload({waitUntil: "load"});
    const editor = cell(page, "resultat2").locator(".cm-content");
    await expect(editor.locator(".cm-line")).toHaveCount(5);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    // The cell is below the fold: CodeMirror has not measured it (that left its gutter column at estimated heights).
    expect(await cell(page, "resultat2").evaluate((c) => c.getBoundingClientRect().top > innerHeight)).toBe(true);

    const lines = await measureLines(editor);
    expect(lines.map((l) => l.number)).toEqual(["1", "2", "3", "4", "5"]);
    expect(lines[1]!.text).toBe(long);
    // The long line wraps on a phone: at least three rows of text.
    expect(lines[1]!.textBottom - lines[1]!.textTop).toBeGreaterThan(2.5 * lines[1]!.lineHeight);
    for (const line of lines) {
      // The number's first row and the line's first row are the same row.
      expect(Math.abs(line.numberTop - line.textTop), `line ${line.number}`).toBeLessThan(line.lineHeight / 2);
      expect(line.numberHeight).toBeCloseTo(line.lineHeight, 1);
    }
    // Each line starts below the end of the one before, however many rows that one took.
    for (let i = 1; i < lines.length; i++) expect(lines[i]!.numberTop).toBeGreaterThanOrEqual(lines[i - 1]!.textBottom - 1);

    // A full-page screenshot draws the cell without scrolling to it, as the old gutter was seen misaligned.
    await opened.screenshot("utforska-radnummer-390");

    // The same once scrolled into view and measured by CodeMirror.
    await cell(page, "resultat2").scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    for (const line of await measureLines(editor)) expect(Math.abs(line.numberTop - line.textTop), `line ${line.number}`).toBeLessThan(line.lineHeight / 2);
    await cell(page, "resultat2").screenshot({path: join(SCREENSHOTS, "utforska-radnummer-390-cell.png")});
    opened.expectClean();
  } finally {
    await opened.close();
  }
}, 120_000);
