// @ts-check
// The page's side of the JavaScript sandbox (sandbox/runtime.js runs inside
// it): an <iframe sandbox="allow-scripts"> holding the sandbox page, a fresh
// document for every run, and messages both ways. The frame's origin is
// opaque, so it can read neither the site's storage nor its DOM; its own CSP
// and the site's (frame-src 'self') keep it from loading or sending anything.
// Only messages from this frame's window are read, and only what they should
// carry is taken from them (Arrow IPC bytes, a height, an error text).
import {el} from "./dom.js";

/** How long a run may take before the frame is reloaded and the run fails. */
export const RUN_TIMEOUT_MS = 60_000;

/** @typedef {{kind: "table", ipc: Uint8Array, rows: number} | {kind: "display"}} SandboxResult */

export class SandboxFrame {
  /** @param {string} src URL of the sandbox page (FileAttachment("data/notebook-sandbox.html").href) */
  constructor(src) {
    this.src = src;
    this.node = el("iframe", {
      class: "nb-sandbox",
      sandbox: "allow-scripts",
      title: "Resultatet av JavaScript-cellen (körs isolerat från sidan)",
      referrerpolicy: "no-referrer",
      loading: "eager"
    });
    this.node.setAttribute("credentialless", "");
    this.nextId = 1;
    /** @type {Map<number, {resolve: (value: any) => void, reject: (error: Error) => void}>} */
    this.pending = new Map();
    /** @type {(() => void) | null} */
    this.onReady = null;
    this.listener = (/** @type {MessageEvent} */ event) => this.receive(event);
    window.addEventListener("message", this.listener);
  }

  /** @param {MessageEvent} event */
  receive(event) {
    if (event.source !== this.node.contentWindow || event.source === null) return;
    const data = event.data;
    if (!data || typeof data !== "object") return;
    if (data.type === "ready") this.onReady?.();
    else if (data.type === "height" && typeof data.height === "number") this.node.style.height = `${Math.min(4000, Math.max(0, data.height))}px`;
    else if (data.type === "result" && typeof data.id === "number") {
      const waiting = this.pending.get(data.id);
      if (!waiting) return;
      this.pending.delete(data.id);
      if (data.ok) waiting.resolve(sanitizeResult(data.result));
      else waiting.reject(new SandboxError(String(data.error ?? "okänt fel")));
    }
  }

  /** A fresh document in the frame; resolves when its runtime is ready. */
  reload() {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new SandboxError("Sandlådan startade inte")), 20_000);
      this.onReady = () => {
        clearTimeout(timer);
        this.onReady = null;
        resolve(undefined);
      };
      this.node.style.height = "0px";
      this.node.src = this.src;
    });
  }

  /**
   * Posts a message to a fresh document and waits for its result.
   * @param {Record<string, any>} message
   * @param {Transferable[]} [transfer]
   * @returns {Promise<SandboxResult>}
   */
  async request(message, transfer = []) {
    if (!this.node.isConnected) throw new SandboxError("Cellen visas inte längre");
    await this.reload();
    const id = this.nextId++;
    const result = new Promise((resolve, reject) => {
      this.pending.set(id, {resolve, reject});
      setTimeout(() => {
        if (!this.pending.delete(id)) return;
        this.node.src = "about:blank";
        reject(new SandboxError(`Koden blev inte klar inom ${RUN_TIMEOUT_MS / 1000} sekunder och stoppades.`));
      }, RUN_TIMEOUT_MS);
    });
    /** @type {Window} */ (this.node.contentWindow).postMessage({...message, id}, "*", transfer);
    return /** @type {Promise<SandboxResult>} */ (result);
  }

  /**
   * Runs a JavaScript cell.
   * @param {{code: string, tables: Record<string, Uint8Array>, values: Record<string, unknown>}} job
   */
  run(job) {
    return this.request({type: "run", code: job.code, tables: job.tables, values: job.values});
  }

  dispose() {
    window.removeEventListener("message", this.listener);
    for (const waiting of this.pending.values()) waiting.reject(new SandboxError("Cellen togs bort"));
    this.pending.clear();
    this.node.remove();
  }
}

export class SandboxError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "SandboxError";
  }
}

/**
 * Only the fields a result may have, of the types they must have.
 * @param {any} result
 * @returns {SandboxResult}
 */
function sanitizeResult(result) {
  if (result?.kind === "table" && result.ipc instanceof Uint8Array) return {kind: "table", ipc: result.ipc, rows: Number(result.rows) || 0};
  return {kind: "display"};
}
