// @ts-check
// Runs inside the notebook's sandbox: a page of its own, loaded in an
// <iframe sandbox="allow-scripts"> (an opaque origin: no access to the site's
// storage, cookies or DOM) with a Content-Security-Policy that allows no
// connection, no frame and no image from anywhere (scripts/csp.mjs,
// SANDBOX_POLICY). The site's page posts a cell's JavaScript and its inputs
// (earlier results as Arrow IPC bytes, input values); this page runs it with
// aq (Arquero), Plot, d3 and the project's format and narrative helpers in
// scope, shows what it displays, and posts back its result as Arrow IPC.
// User code is meant to run here and only here; this is the one place in the
// project where text from a notebook becomes code.
import * as aq from "arquero";
import * as Plot from "@observablehq/plot";
// @ts-ignore d3 ships no type declarations and the project installs none
import * as d3 from "d3";
import {formatNumber, formatPercent} from "../../../lib/format.js";
import {capitalize, percentText, ratioInWords, shareInWords, trendInWords} from "../../../lib/narrative.js";

// Doors CSP does not close: peer connections (they reach STUN servers) and
// shared workers. Removed before any user code runs.
for (const name of ["RTCPeerConnection", "webkitRTCPeerConnection", "RTCDataChannel", "SharedWorker", "Worker", "WebSocket", "EventSource", "WebTransport"]) {
  try {
    Object.defineProperty(window, name, {value: undefined, configurable: false, writable: false});
  } catch {
    // Not present in this browser.
  }
}

const output = document.getElementById("output") ?? document.body;
const AsyncFunction = /** @type {FunctionConstructor} */ (Object.getPrototypeOf(async () => {}).constructor);

/** @param {any} message @param {Transferable[]} [transfer] */
const post = (message, transfer = []) => window.parent.postMessage(message, "*", transfer);

function reportHeight() {
  post({type: "height", height: Math.ceil(document.documentElement.scrollHeight)});
}
new ResizeObserver(reportHeight).observe(document.body);

/** @param {unknown} value */
function show(value) {
  if (value instanceof Node) output.append(value);
  else if (value !== undefined) {
    const pre = document.createElement("pre");
    pre.textContent = typeof value === "string" ? value : JSON.stringify(value, null, 2);
    output.append(pre);
  }
  reportHeight();
}

/**
 * The user's code as a function: an expression (`aq.from(x).filter(…)`) is
 * its value; otherwise a function body whose `return` gives the value.
 * @param {string[]} names
 * @param {string} code
 */
function compile(names, code) {
  try {
    return new AsyncFunction(...names, `return (\n${code}\n);`);
  } catch {
    return new AsyncFunction(...names, code);
  }
}

/** @param {unknown} value */
const isTable = (value) => typeof value === "object" && value !== null && typeof (/** @type {any} */ (value).toArrowIPC) === "function" && typeof (/** @type {any} */ (value).numRows) === "function";

/** @param {any} data */
async function run(data) {
  output.replaceChildren();
  /** @type {Record<string, unknown>} */
  const scope = {aq, Plot, d3, formatNumber, formatPercent, percentText, shareInWords, ratioInWords, trendInWords, capitalize, display: show};
  for (const [name, bytes] of Object.entries(data.tables ?? {})) scope[name] = aq.fromArrow(/** @type {Uint8Array} */ (bytes));
  for (const [name, value] of Object.entries(data.values ?? {})) scope[name] = value;
  const names = Object.keys(scope);
  const value = await compile(names, data.code)(...names.map((n) => scope[n]));
  /** @type {any} */
  let table = null;
  if (isTable(value)) table = value;
  else if (Array.isArray(value) && value.length > 0 && value.every((row) => row !== null && typeof row === "object" && !Array.isArray(row))) table = aq.from(value);
  if (table) {
    const ipc = aq.toArrowIPC(table, {format: "stream"});
    return {kind: "table", ipc, rows: table.numRows()};
  }
  show(value);
  return {kind: "display"};
}

window.addEventListener("message", async (event) => {
  if (event.source !== window.parent) return;
  const data = event.data;
  if (!data || typeof data !== "object" || typeof data.id !== "number") return;
  try {
    const result = await run(data);
    post({type: "result", id: data.id, ok: true, result}, result.ipc ? [result.ipc.buffer] : []);
  } catch (error) {
    const e = /** @type {Error} */ (error);
    post({type: "result", id: data.id, ok: false, error: `${e?.name ?? "Error"}: ${e?.message ?? String(error)}`});
  }
  reportHeight();
});

post({type: "ready"});
