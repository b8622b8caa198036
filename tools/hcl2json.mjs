// Prints the JSON form of Terraform files, as HashiCorp's own HCL parser (compiled to WebAssembly in
// @cdktf/hcl2json) reads them: {"<file>": <json>, ...}. Used by the tests to check the generated
// Terraform against the azurerm provider schema and to compare it with the Bicep output.
// Usage: node tools/hcl2json.mjs FILE...   (exit 1 when a file does not parse)
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { parse } = require("@cdktf/hcl2json");

const result = {};
let failed = false;
for (const file of process.argv.slice(2)) {
  try {
    result[file] = await parse(file, readFileSync(file, "utf8"));
  } catch (error) {
    failed = true;
    process.stderr.write(`${file}: parse error: ${String(error && error.message ? error.message : error).split("\n")[0]}\n`);
  }
}
process.stdout.write(JSON.stringify(result));
// exitCode instead of exit(): exit() would cut off output still buffered for a pipe.
process.exitCode = failed ? 1 : 0;
