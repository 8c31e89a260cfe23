/**
 * Makes a chart's missing values real gaps and its zeros real zeros. pptxgenjs
 * 4.0.1 writes a null as an empty point (`<c:v></c:v>`), which some viewers
 * draw as 0, and writes both null and 0 as an empty cell in the chart's
 * embedded workbook (the data PowerPoint's "Edit data" opens), so a real zero
 * would be lost on the first edit. We drop the empty points (a point absent from
 * the cache is a blank, drawn as a gap with dispBlanksAs="gap") and rewrite
 * every series cell of the embedded workbook from the chart's own cache.
 */
import JSZip from "jszip";

interface SeriesRef {
  column: string;
  firstRow: number;
  count: number;
  /** Cached values by point index; absent = blank. */
  points: Map<number, string>;
}

function parseSeries(chartName: string, block: string): SeriesRef {
  const ref = block.match(/<c:f>[^<!]*!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)<\/c:f>/);
  const count = block.match(/<c:ptCount val="(\d+)"\/>/);
  if (!ref || !count) throw new Error(`${chartName}: a series without a cell range or point count (expected <c:f>Sheet1!$B$2:$B$n</c:f> and <c:ptCount>)`);
  const points = new Map<number, string>();
  for (const [, idx, v] of block.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v><\/c:pt>/g)) if (v !== "") points.set(Number(idx), v!);
  return {column: ref[1]!, firstRow: Number(ref[2]), count: Number(count[1]), points};
}

export async function repairChartData(zip: JSZip): Promise<void> {
  const charts = Object.keys(zip.files).filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
  for (const chartName of charts) {
    const xml = await zip.file(chartName)!.async("string");
    const series = [...xml.matchAll(/<c:val>([\s\S]*?)<\/c:val>/g)].map((m) => parseSeries(chartName, m[1]!));
    zip.file(
      chartName,
      xml.replace(/<c:val>[\s\S]*?<\/c:val>/g, (block) => block.replace(/<c:pt idx="\d+"><c:v><\/c:v><\/c:pt>/g, ""))
    );

    const relsName = chartName.replace(/charts\/(chart\d+\.xml)$/, "charts/_rels/$1.rels");
    const rels = await zip.file(relsName)?.async("string");
    const target = rels?.match(/Target="\.\.\/embeddings\/([^"]+\.xlsx)"/)?.[1];
    if (!target) throw new Error(`${chartName}: no embedded workbook in ${relsName}`);
    const bookName = `ppt/embeddings/${target}`;
    const book = await JSZip.loadAsync(await zip.file(bookName)!.async("uint8array"));
    const sheetName = "xl/worksheets/sheet1.xml";
    let sheet = await book.file(sheetName)!.async("string");
    for (const s of series) {
      for (let i = 0; i < s.count; i++) {
        const cellRef = `${s.column}${s.firstRow + i}`;
        const cell = new RegExp(`<c r="${cellRef}"(?:/>|>(?:<v>[^<]*</v>)?</c>)`);
        if (!cell.test(sheet)) throw new Error(`${bookName}: no cell ${cellRef} for a point of ${chartName}`);
        const v = s.points.get(i);
        sheet = sheet.replace(cell, v === undefined ? `<c r="${cellRef}"/>` : `<c r="${cellRef}"><v>${v}</v></c>`);
      }
    }
    book.file(sheetName, sheet);
    zip.file(bookName, await book.generateAsync({type: "uint8array", compression: "DEFLATE"}));
  }
}
