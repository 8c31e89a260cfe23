// Nothing may leave the machine during a measurement: every bench context aborts requests off 127.0.0.1.
import type {Browser, BrowserContext} from "playwright-core";

/** Aborts every http(s) request in `context` that is not for 127.0.0.1. */
export async function keepLocal(context: BrowserContext): Promise<void> {
  await context.route((u) => u.hostname !== "127.0.0.1" && (u.protocol === "http:" || u.protocol === "https:"), (route) => route.abort("blockedbyclient"));
}

/** A fresh desktop-sized context (no service workers) that only reaches 127.0.0.1. */
export async function localContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}, serviceWorkers: "block"});
  await keepLocal(context);
  return context;
}
