// Framework data loader: the notebook's JavaScript sandbox as one HTML page
// (src/components/notebook/sandbox/runtime.js with Arquero, Plot and d3
// bundled by esbuild and inlined), with its own Content-Security-Policy: no
// connection, frame or image from anywhere. The notebook loads it in an
// <iframe sandbox="allow-scripts">; see README, "Security".
import {build} from "esbuild";
import {fileURLToPath} from "node:url";

const POLICY =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; connect-src 'none'; frame-src 'none'; worker-src 'none'; form-action 'none'; base-uri 'none'";

const bundle = await build({
  entryPoints: [fileURLToPath(new URL("../components/notebook/sandbox/runtime.js", import.meta.url))],
  bundle: true,
  format: "iife",
  platform: "browser",
  target: "es2022",
  minify: true,
  write: false,
  legalComments: "none"
});
// Inline in a <script>: "</script" and "<!--" in the bundle's strings must not end or change it.
const code = bundle.outputFiles[0]!.text.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");

process.stdout.write(`<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${POLICY}">
<style>
  html, body { margin: 0; padding: 0; font: 14px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1e23; background: transparent; }
  #output > * { max-width: 100%; }
  pre { white-space: pre-wrap; margin: 0.3em 0; }
</style>
</head>
<body>
<div id="output"></div>
<script>${code}</script>
</body>
</html>
`);
