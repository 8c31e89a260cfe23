// @ts-check
// "Ladda ned som rapport": the notebook's prose, results and charts as one
// standalone HTML file a colleague can open with no tools (and print to PDF),
// code hidden, with the sample-data notice and a provenance footer. The page
// is built as a tree of plain objects and written by treeToHtml, which
// escapes every text and attribute; charts are SVG images (data: URIs), which
// a browser never runs scripts in; the file's own Content-Security-Policy
// allows nothing to load from anywhere.
import {escapeHtml, h, treeToHtml} from "./htmlTree.js";

/** @typedef {import("./markdown.js").TreeNode} TreeNode */
/**
 * @typedef {{kind: "heading", text: string}
 *   | {kind: "prose", tree: TreeNode[]}
 *   | {kind: "input", label: string, value: string}
 *   | {kind: "table", name: string, columns: {name: string, numeric: boolean}[], rows: (string | null)[][], rowCount: number}
 *   | {kind: "chart", svg: string, title: string}
 *   | {kind: "note", text: string}} ReportBlock
 * @typedef {{tablesHash: string, built: string, exported: string, link: string}} Provenance
 */

export const SAMPLE_NOTICE =
  "Exempeldata: enkätsvar och registervärden är genererade för att likna de publicerade resultaten; de är inte verkliga uppgifter. Förlaga: Socialstyrelsen och SKL, Öppna jämförelser social barn- och ungdomsvård.";

export const REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const STYLE = `
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1e23; max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.8rem; margin-bottom: 0.2rem; } h2 { font-size: 1.25rem; margin-top: 2rem; }
.notice { border-left: 4px solid #c77c02; background: #fff6e5; padding: 0.5rem 0.8rem; }
table { border-collapse: collapse; font-size: 13px; margin: 0.5rem 0; }
th, td { border-bottom: 1px solid #d7d9dd; padding: 0.2rem 0.6rem; text-align: left; vertical-align: top; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.null { color: #888; }
.input { font-weight: 600; }
figure { margin: 1rem 0; } figure img { max-width: 100%; height: auto; }
.caption, footer { color: #555; font-size: 13px; }
footer { border-top: 1px solid #d7d9dd; margin-top: 3rem; padding-top: 0.8rem; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } figure, table { break-inside: avoid; } a { color: inherit; } }
`;

/** Standard base64 of UTF-8 text (btoa exists in browsers and in node ≥ 16). @param {string} text */
function base64(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * @param {ReportBlock} block
 * @returns {TreeNode[]}
 */
function blockTree(block) {
  switch (block.kind) {
    case "heading":
      return [h("h2", {}, block.text)];
    case "prose":
      return block.tree;
    case "input":
      return [h("p", {class: "input"}, `${block.label}: ${block.value}`)];
    case "note":
      return [h("p", {class: "caption"}, block.text)];
    case "chart":
      return [h("figure", {}, {tag: "img", attrs: {src: `data:image/svg+xml;base64,${base64(block.svg)}`, alt: block.title || "Diagram"}, children: []})];
    case "table": {
      const head = h("tr", {}, ...block.columns.map((c) => h("th", {scope: "col", class: c.numeric ? "num" : null}, c.name)));
      const body = block.rows.map((row) =>
        h("tr", {}, ...row.map((cell, i) => h("td", {class: [block.columns[i]?.numeric ? "num" : "", cell === null ? "null" : ""].join(" ").trim() || null}, cell === null ? "–" : cell)))
      );
      const capped = block.rowCount > block.rows.length ? h("p", {class: "caption"}, `De första ${block.rows.length} av ${block.rowCount} raderna.`) : null;
      return [h("table", {}, h("thead", {}, head), h("tbody", {}, ...body)), ...(capped ? [capped] : [])];
    }
  }
}

/**
 * The whole report as an HTML document.
 * @param {{title: string, blocks: ReportBlock[], provenance: Provenance, notice?: string}} report
 * @returns {string}
 */
export function reportHtml({title, blocks, provenance, notice = SAMPLE_NOTICE}) {
  const body = [
    h("h1", {}, title),
    h("p", {class: "caption"}, `Rapport från Utforska data, ${provenance.exported}.`),
    h("p", {class: "notice"}, notice),
    ...blocks.flatMap(blockTree),
    h(
      "footer",
      {},
      h("p", {}, "Källa: Öppna jämförelser – social barn- och ungdomsvård (exempeldata). Beräknad i webbläsaren med DuckDB-WASM."),
      h("p", {}, `Tabellernas kontrollsumma (SHA-256): ${provenance.tablesHash}. Webbplatsen byggd: ${provenance.built}. Rapporten skapad: ${provenance.exported}.`),
      h("p", {}, "Öppna anteckningsboken igen: ", h("a", {href: provenance.link}, "länk till anteckningsboken"), ".")
    )
  ];
  return `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(REPORT_POLICY)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${treeToHtml(body)}
</body>
</html>
`;
}
