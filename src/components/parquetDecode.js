// @ts-check
// The Parquet path into DuckDB-WASM, for tables that are not in the site's
// serving file (a file the user picked, a test's own table): hyparquet decodes
// the whole file in JavaScript and the columns go to DuckDB as an Arrow table.
// DuckDB-WASM's own Parquet reader is an extension it would fetch from the
// internet, so it is never used. Cost: about a second per million rows and
// several times the file in memory (see README, "Performance"), and apache-arrow
// cannot build a text column of more than 2^24 rows, so the site's own tables
// come from the serving file instead (servingFile.js).
import {Bool, Float32, Float64, Int32, Int64, Table, Utf8} from "apache-arrow";
import {parquetMetadata, parquetRead, parquetSchema} from "hyparquet";
import {arrowVector} from "../lib/arrowVector.js";

/** Arrow type for a Parquet leaf column, as hyparquet describes it. @param {any} element */
function arrowType(element) {
  const logical = element.logical_type?.type;
  switch (element.type) {
    case "BOOLEAN":
      return new Bool();
    case "INT32":
      return new Int32();
    case "INT64":
      return new Int64();
    case "FLOAT":
      return new Float32();
    case "DOUBLE":
      return new Float64();
    case "BYTE_ARRAY":
      if (element.converted_type === "UTF8" || logical === "STRING") return new Utf8();
  }
  throw new Error(`Kolumnen ${element.name} har en typ som inte stöds (${element.type})`);
}

/** Decodes a Parquet file (ArrayBuffer) into an Arrow table. @param {ArrayBuffer} buffer */
export async function parquetToArrow(buffer) {
  const metadata = parquetMetadata(buffer);
  const leaves = parquetSchema(metadata).children.map((c) => c.element);
  /** @type {Record<string, any[]>} */
  const columns = Object.fromEntries(leaves.map((e) => [e.name, new Array(Number(metadata.num_rows))]));
  await parquetRead({
    file: buffer,
    metadata,
    onChunk({columnName, columnData, rowStart}) {
      const target = /** @type {any[]} */ (columns[columnName]);
      for (let i = 0; i < columnData.length; i++) target[rowStart + i] = columnData[i] ?? null;
    }
  });
  return new Table(Object.fromEntries(leaves.map((e) => [e.name, arrowVector(columns[e.name] ?? [], arrowType(e))])));
}

/**
 * The bytes of a Parquet source: a URL, an ArrayBuffer or anything with arrayBuffer().
 * @param {string | ArrayBuffer | Blob} source
 * @returns {Promise<ArrayBuffer>}
 */
export async function parquetBytes(source) {
  if (source instanceof ArrayBuffer) return source;
  if (typeof source !== "string") return source.arrayBuffer();
  const response = await fetch(source);
  if (!response.ok) throw new Error(`Kunde inte hämta ${source} (${response.status})`);
  return response.arrayBuffer();
}
