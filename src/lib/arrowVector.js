// @ts-check
// Arrow vectors from plain values, for handing data to DuckDB-WASM. Built
// from typed arrays directly: Arrow's own builders (vectorFromArray) compile
// their null check with `new Function`, which the site's
// Content-Security-Policy forbids (see scripts/csp.mjs).
import {Bool, Float32, Int32, Int64, makeData, makeVector, Utf8} from "apache-arrow";

/** Sets bit `i` of a bitmap (Arrow's order: least significant bit first). @param {Uint8Array} bits @param {number} i */
const setBit = (bits, i) => (bits[i >> 3] = (bits[i >> 3] ?? 0) | (1 << (i & 7)));

/**
 * An Arrow vector from plain values (null for a missing one).
 * @param {any[]} values
 * @param {import("apache-arrow").DataType} type
 */
export function arrowVector(values, type) {
  const n = values.length;
  const validity = new Uint8Array((n + 7) >> 3);
  let nullCount = 0;
  for (let i = 0; i < n; i++) {
    if (values[i] === null || values[i] === undefined) nullCount++;
    else setBit(validity, i);
  }
  const nullBitmap = nullCount ? validity : undefined;
  if (type instanceof Utf8) {
    const encoder = new TextEncoder();
    const parts = values.map((v) => (v === null || v === undefined ? new Uint8Array(0) : encoder.encode(String(v))));
    const valueOffsets = new Int32Array(n + 1);
    parts.forEach((part, i) => (valueOffsets[i + 1] = /** @type {number} */ (valueOffsets[i]) + part.length));
    const data = new Uint8Array(/** @type {number} */ (valueOffsets[n]));
    parts.forEach((part, i) => data.set(part, /** @type {number} */ (valueOffsets[i])));
    return makeVector(makeData({type, length: n, nullCount, nullBitmap, valueOffsets, data}));
  }
  if (type instanceof Bool) {
    const data = new Uint8Array((n + 7) >> 3);
    for (let i = 0; i < n; i++) if (values[i]) setBit(data, i);
    return makeVector(makeData({type, length: n, nullCount, nullBitmap, data}));
  }
  const data = type instanceof Int64 ? new BigInt64Array(n) : type instanceof Int32 ? new Int32Array(n) : type instanceof Float32 ? new Float32Array(n) : new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    data[i] = /** @type {never} */ (type instanceof Int64 ? BigInt(v) : Number(v));
  }
  return makeVector(makeData(/** @type {any} */ ({type, length: n, nullCount, nullBitmap, data})));
}

