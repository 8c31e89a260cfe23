// `npm run pdf`: prints the report pages of the built site (dist/) to PDF with
// Debian's Chromium, offline. Each page is opened with its print stylesheet, and
// printed only once its charts are drawn and its generated sentences are filled.
import {mkdirSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {chromium} from "playwright-core";
import {serve} from "./serve.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** The report pages, and an element that is there once each has rendered its data. */
export const REPORTS = [
  {path: "/rapporter/barnens-behov-allt-mer-i-centrum", file: "barnens-behov-allt-mer-i-centrum-2014.pdf", ready: ".card svg"},
  {path: "/rapporter/resultat-i-korthet-2016", file: "resultat-i-korthet-2016.pdf", ready: ".card svg"},
  {path: "/anvandarguide", file: "anvandarguide.pdf", ready: ".indicator"}
];

const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export async function writePdfs({dist = join(ROOT, process.env.OJ_DIST ?? "dist"), outDir = join(dist, "pdf"), reports = REPORTS, executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"} = {}) {
  mkdirSync(outDir, {recursive: true});
  const server = await serve(dist);
  const browser = await chromium.launch({executablePath, headless: true, args: ARGS});
  const written = [];
  try {
    for (const report of reports) {
      const context = await browser.newContext({viewport: {width: 1100, height: 1400}});
      // Printing must not reach the network either.
      await context.route((url) => url.hostname !== "127.0.0.1" && url.protocol.startsWith("http"), (route) => route.abort());
      const page = await context.newPage();
      const errors = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(`${server.url}${report.path}`, {waitUntil: "load"});
      await page.emulateMedia({media: "print"});
      // Polling, not requestAnimationFrame: a page emulating print may not paint.
      await page.waitForFunction(
        (ready) =>
          document.querySelector(".observablehq--error") ||
          (document.querySelector(ready) && [...document.querySelectorAll("[data-sentence]")].every((e) => e.textContent.trim() !== "")),
        report.ready,
        {timeout: 60_000, polling: 250}
      );
      const failed = await page.$(".observablehq--error");
      if (failed || errors.length) throw new Error(`${report.path}: ${failed ? await failed.textContent() : errors.join("; ")}`);
      const path = join(outDir, report.file);
      await page.pdf({path, format: "A4", printBackground: true, margin: {top: "18mm", bottom: "18mm", left: "16mm", right: "16mm"}});
      written.push(path);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const written = await writePdfs();
  console.log(`PDF skrivna:\n  ${written.join("\n  ")}`);
}
