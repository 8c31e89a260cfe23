// scripts/finishHtml.ts: what the build adds to every page that Framework 1.13
// cannot be configured to write (language, skip link, zoom, a valid sidebar list).
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import config from "../../observablehq.config.js";
import {finishHtml, SKIP_LINK_TEXT} from "../../scripts/finishHtml.js";

/** The start of a page exactly as Framework 1.13.4 writes it. */
const FRAMEWORK_PAGE = `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">
</head>
<body>
<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">
<label id="observablehq-sidebar-backdrop" for="observablehq-sidebar-toggle"></label>
<nav id="observablehq-sidebar">
  <ol>
    <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>
    <li class="observablehq-link"><a href="./">Start</a></li>
  </ol>
</nav>
<div id="observablehq-center">
<main id="observablehq-main" class="observablehq">
<h1>Rubrik</h1>
</main>
</div>
</body>
</html>
`;

describe("finishing a built page", () => {
  const page = finishHtml(FRAMEWORK_PAGE, "sv");

  it("declares the site's language on <html>", () => {
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="sv">\n/);
  });

  it("puts a skip link to <main> before everything else in <body>, and lets <main> take the focus", () => {
    expect(page).toContain(`<body>\n<a class="skip-link" href="#observablehq-main">${SKIP_LINK_TEXT}</a>\n<input`);
    expect(page).toContain(`<main id="observablehq-main" tabindex="-1" class="observablehq">`);
  });

  it("leaves only list items in the sidebar's list, and names its toggle in Swedish", () => {
    expect(page).toMatch(/<nav id="observablehq-sidebar">\s*<label id="observablehq-sidebar-close"[^>]*><\/label>\s*<ol>\s*<li/);
    expect(page).toContain('title="Visa eller dölj menyn"');
  });

  it("lets a phone zoom", () => {
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  });

  it("changes nothing the second time", () => {
    expect(finishHtml(page, "sv")).toBe(page);
  });

  it("fails, naming the page and the change, when Framework's markup is not what it expects", () => {
    expect(() => finishHtml(FRAMEWORK_PAGE.replace("<body>\n", "<body class=x>\n"), "sv", "dist/x.html")).toThrow(/dist\/x\.html: skip link: expected the markup .* once, found it 0 times/);
  });
});

it("the build finishes the pages in the language of observablehq.config.ts (Framework 1.13 does not write it)", () => {
  const scripts = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).scripts as Record<string, string>;
  expect(config.lang).toBe("sv");
  expect(scripts.postbuild).toContain(`tsx scripts/finishHtml.ts --lang ${config.lang} `);
});
