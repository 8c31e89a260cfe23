// Runs after `observable build` (npm `postbuild`): finishes every built page for
// accessibility where Observable Framework 1.13 cannot be configured to.
//  - <html lang>: Framework 1.13 ignores the config's `lang` and writes a bare
//    <html>, so screen readers read Swedish with an English voice (WCAG 3.1.1).
//  - A skip link before the sidebar, to the page's <main> (WCAG 2.4.1).
//  - The sidebar's close button, a <label> Framework puts inside an <ol>, moved
//    out of the list (a list may hold only list items), and its English title.
//  - The viewport's maximum-scale=1, which stops zooming on a phone (WCAG 1.4.4).
// Each change must find what it replaces exactly once; a Framework upgrade that
// changes its markup fails the build here rather than silently losing a fix.
//
// Usage: tsx scripts/finishHtml.ts --lang sv [distDir]   (default: $OJ_DIST or dist/)
import {readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {fileURLToPath} from "node:url";

export const SKIP_LINK_TEXT = "Hoppa till innehållet";
const SIDEBAR_TITLE = "Visa eller dölj menyn";

interface Change {
  what: string;
  find: RegExp;
  replace: string;
  /** Already applied: the page is left as it is (a second run changes nothing). */
  done: RegExp;
}

function changes(lang: string): Change[] {
  return [
    {what: "<html lang>", find: /<html>/, replace: `<html lang="${lang}">`, done: /<html lang=/},
    {
      what: "skip link",
      find: /<body>\n/,
      replace: `<body>\n<a class="skip-link" href="#observablehq-main">${SKIP_LINK_TEXT}</a>\n`,
      done: /class="skip-link"/
    },
    {what: "focusable <main>", find: /<main id="observablehq-main"/, replace: `<main id="observablehq-main" tabindex="-1"`, done: /<main id="observablehq-main" tabindex="-1"/},
    {
      what: "sidebar close button outside the list",
      find: /<ol>\s*(<label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"><\/label>)/,
      replace: `$1\n  <ol>`,
      done: /<\/label>\n {2}<ol>/
    },
    {what: "sidebar toggle title", find: /title="Toggle sidebar"/, replace: `title="${SIDEBAR_TITLE}"`, done: new RegExp(`title="${SIDEBAR_TITLE}"`)},
    {what: "zoomable viewport", find: /, maximum-scale=1"/, replace: `"`, done: /<meta name="viewport" content="width=device-width, initial-scale=1">/}
  ];
}

/**
 * One built page, finished. Throws, naming the page and the change, when the
 * markup a change expects is not there.
 * @param html the page as Framework wrote it
 * @param lang the language of the site (observablehq.config.ts `lang`)
 * @param name the page, for the error message
 */
export function finishHtml(html: string, lang: string, name = "page"): string {
  let out = html;
  for (const change of changes(lang)) {
    if (change.done.test(out)) continue;
    const hits = out.match(new RegExp(change.find.source, "g"))?.length ?? 0;
    if (hits !== 1) throw new Error(`${name}: ${change.what}: expected the markup ${change.find} once, found it ${hits} times (has Framework's page template changed?)`);
    out = out.replace(change.find, change.replace);
  }
  return out;
}

/** Every .html file under `dir`. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith("_") ? [] : htmlFiles(path);
    return entry.name.endsWith(".html") ? [path] : [];
  });
}

/** Finishes every page of a built site in place; returns how many. */
export function finishSite(distDir: string, lang: string): number {
  const files = htmlFiles(distDir);
  for (const file of files) writeFileSync(file, finishHtml(readFileSync(file, "utf8"), lang, file));
  return files.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // The language is the config's `lang`, passed by the npm script (test/scripts/finishHtml.test.ts checks they agree).
  const args = process.argv.slice(2);
  const at = args.indexOf("--lang");
  const lang = at >= 0 ? args.splice(at, 2)[1] : undefined;
  if (!lang || !/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(lang)) throw new Error(`finishHtml: give the site's language, e.g. --lang sv (got ${lang ?? "none"})`);
  const root = fileURLToPath(new URL("..", import.meta.url));
  const distDir = args[0] ?? resolve(root, process.env.OJ_DIST ?? "dist");
  const n = finishSite(distDir, lang);
  console.log(`finishHtml: ${n} pages with lang="${lang}", a skip link and a zoomable viewport`);
}
