// @ts-check
// DuckDB settings that keep every query inside the page. A shared notebook is
// someone else's SQL: src/components/db.js runs these right after opening
// the database, before any table is loaded. Each is checked against DuckDB-WASM
// in test/src/components/db.test.ts and in the browser (test/e2e/security.test.ts):
//   autoinstall_known_extensions / autoload_known_extensions = false
//     read_json and friends no longer fetch an extension from the internet;
//   enable_external_access = false
//     read_csv('http://…'), ATTACH 'http://…', COPY … TO and LOAD fail;
//   lock_configuration = true
//     no query can SET them back.
// (DuckDB-WASM accepts INSTALL without an error; the notebook refuses it
// itself, see refusedStatement in src/lib/notebook/sqlText.js.)

/** The statements, in order; the last one freezes the others. */
export const LOCKDOWN = Object.freeze([
  "SET autoinstall_known_extensions = false",
  "SET autoload_known_extensions = false",
  "SET enable_external_access = false",
  "SET lock_configuration = true"
]);
