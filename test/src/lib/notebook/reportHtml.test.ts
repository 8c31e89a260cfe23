// "Ladda ned som rapport": one standalone HTML file, code hidden, every text
// escaped, charts as images, nothing loaded from anywhere.
import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import {markdownTree} from "../../../../src/lib/notebook/markdown.js";
import {REPORT_POLICY, reportHtml, SAMPLE_NOTICE} from "../../../../src/lib/notebook/reportHtml.js";

const provenance = {tablesHash: "ab12", built: "30 november 2026", exported: "30 november 2026 10:00", link: "http://127.0.0.1:3000/utforska#anteckningsbok=abc"};
const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>län &lt;x&gt;</text></svg>';

function report(title = "Kompetensplaner i länen") {
  return reportHtml({
    title,
    provenance,
    blocks: [
      {kind: "heading", text: "Länen"},
      {kind: "prose", tree: markdownTree("Andelen är **hög**.").tree},
      {kind: "input", label: "Kommun", value: "0180"},
      {kind: "chart", svg, title: "Diagram"},
      {kind: "table", name: "lan", columns: [{name: "län", numeric: false}, {name: "procent", numeric: true}], rows: [["Uppsala län", "75,0"], ["Gotland", null]], rowCount: 21}
    ]
  });
}

describe("reportHtml", () => {
  it("is a document with the prose, tables and charts, the sample-data notice and a provenance footer", () => {
    const doc = new JSDOM(report()).window.document;
    expect(doc.title).toBe("Kompetensplaner i länen");
    expect(doc.querySelector("h1")!.textContent).toBe("Kompetensplaner i länen");
    expect([...doc.querySelectorAll("h2")].map((h) => h.textContent)).toEqual(["Länen"]);
    expect(doc.querySelector("p strong")!.textContent).toBe("hög");
    expect([...doc.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent))).toEqual([["Uppsala län", "75,0"], ["Gotland", "–"]]);
    expect(doc.body.textContent).toContain("De första 2 av 21 raderna.");
    expect(doc.querySelector(".notice")!.textContent).toBe(SAMPLE_NOTICE);
    const footer = doc.querySelector("footer")!.textContent!;
    expect(footer).toContain("SHA-256): ab12");
    expect(doc.querySelector("footer a")!.getAttribute("href")).toBe(provenance.link);
    const img = doc.querySelector("figure img")!;
    expect(Buffer.from(img.getAttribute("src")!.replace("data:image/svg+xml;base64,", ""), "base64").toString("utf8")).toBe(svg);
  });

  it("allows nothing to load or run: its own CSP, no script, no code", () => {
    const html = report();
    const doc = new JSDOM(html).window.document;
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute("content")).toBe(REPORT_POLICY);
    expect(REPORT_POLICY).toContain("default-src 'none'");
    expect(doc.querySelectorAll("script, iframe, object, embed, link")).toHaveLength(0);
  });

  it("writes a title with markup as text", () => {
    const doc = new JSDOM(report('</title><script>alert(1)</script>')).window.document;
    expect(doc.querySelectorAll("script")).toHaveLength(0);
    expect(doc.title).toBe("</title><script>alert(1)</script>");
  });
});
