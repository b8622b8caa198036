// Checks Terraform files with HashiCorp's own HCL code (compiled to WebAssembly, not written by
// lambda2azure): each file must parse (@cdktf/hcl2json, the hclsyntax parser `terraform fmt` and
// `terraform validate` use) and be formatted exactly as `terraform fmt` would leave it (@cdktf/hcl-tools,
// hclwrite.Format, the formatter `terraform fmt` runs, plus the few rewrites `terraform fmt` adds on top:
// see terraformFmtRewrites below).
//
// Usage: node tools/hcl_check.mjs FILE...      (tools/setup-node-tools installs the packages)
// Prints one line per problem, starting with "FILE: ", each possibly followed by indented detail lines
// (a compact unified diff), and exits 1 if there was any problem, 0 otherwise; 2 on a usage error.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

// The packages are CommonJS; resolve them from tools/node_modules whatever the working directory.
const require = createRequire(import.meta.url);
const { parse } = require("@cdktf/hcl2json");
const { format } = require("@cdktf/hcl-tools");

const CONTEXT = 2; // unchanged lines shown around a difference
const MAX_CHANGED = 12; // changed lines (removed or added) shown before the diff is cut

async function check(file) {
  const problems = [];
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return [`${file}: cannot read: ${error.message}`];
  }
  const text = bytes.toString("utf8");
  if (!Buffer.from(text, "utf8").equals(bytes)) {
    return [`${file}: not valid UTF-8 (Terraform reads configuration as UTF-8)`];
  }
  try {
    await parse(file, text);
  } catch (error) {
    // The bridge reports "parse config: [FILE:LINE,COL-LINE,COL: Summary; Detail]".
    const message = String(error && error.message ? error.message : error)
      .replace(/^parse config: \[/, "")
      .replace(/\]$/, "")
      .replace(/\s*\n\s*/g, " ");
    return [`${file}: parse error: ${message}`];
  }
  const formatted = await format(text);
  if (formatted !== text) {
    problems.push(`${file}: not formatted like terraform fmt\n${compactDiff(file, text, formatted)}`);
  }
  let rewrites;
  try {
    rewrites = terraformFmtRewrites(text);
  } catch (error) {
    if (!(error instanceof Unscannable)) throw error;
    process.stderr.write(`${file}: warning: hcl_check could not follow the syntax at offset ${error.offset};`
      + " the checks for terraform fmt's own rewrites were skipped\n");
    rewrites = [];
  }
  for (const { line, message } of rewrites) {
    problems.push(`${file}: not formatted like terraform fmt (line ${line}): ${message}`);
  }
  return problems;
}

/**
 * A compact unified diff of the first differing lines, indented by four spaces: hunks with CONTEXT lines
 * around each change, until MAX_CHANGED changed lines have been shown; then how many more differ.
 */
function compactDiff(file, before, after) {
  const a = lines(before);
  const b = lines(after);
  const ops = lineDiff(a, b);
  if (!ops.some((op) => op.kind !== " ")) {
    return "    (the files differ only in their last line ending)";
  }
  const out = [`--- ${file}`, "+++ terraform fmt"];
  let shown = 0;
  let k = 0;
  while (k < ops.length) {
    while (k < ops.length && ops[k].kind === " ") k++;
    if (k === ops.length) break;
    if (shown >= MAX_CHANGED) {
      const rest = ops.slice(k).filter((op) => op.kind !== " ").length;
      out.push(`... ${rest} more changed lines`);
      break;
    }
    // A hunk: from CONTEXT lines before this change to CONTEXT lines after the last change that lies
    // within 2 * CONTEXT unchanged lines of the previous one, or where the budget runs out.
    const first = Math.max(0, k - CONTEXT);
    let last = k;
    let j = k;
    while (j < ops.length && shown < MAX_CHANGED) {
      if (ops[j].kind !== " ") {
        shown++;
        last = j;
        j++;
        continue;
      }
      let gap = j;
      while (gap < ops.length && ops[gap].kind === " ") gap++;
      if (gap === ops.length || gap - j > 2 * CONTEXT) break;
      j = gap;
    }
    const end = Math.min(ops.length, last + 1 + CONTEXT);
    const hunk = ops.slice(first, end);
    const oldCount = hunk.filter((op) => op.kind !== "+").length;
    const newCount = hunk.filter((op) => op.kind !== "-").length;
    out.push(`@@ -${ops[first].a + 1},${oldCount} +${ops[first].b + 1},${newCount} @@`);
    hunk.forEach((op) => out.push(op.kind + visible(op.line)));
    k = last + 1;
  }
  return out.map((l) => "    " + l).join("\n");
}

/**
 * The lines of a and b as unchanged (" "), removed ("-") and added ("+"), each with its index in a and b:
 * a longest common subsequence, after trimming the common start and end (files here are small).
 */
function lineDiff(a, b) {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  const ops = [];
  for (let i = 0; i < start; i++) ops.push({ kind: " ", line: a[i], a: i, b: i });
  if (n * m <= 4_000_000) {
    // lcs[i][j]: length of the longest common subsequence of a[start + i..endA) and b[start + j..endB).
    const lcs = new Uint32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * (m + 1) + j] = a[start + i] === b[start + j]
          ? lcs[(i + 1) * (m + 1) + j + 1] + 1
          : Math.max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[start + i] === b[start + j]) {
        ops.push({ kind: " ", line: a[start + i], a: start + i, b: start + j });
        i++;
        j++;
      } else if (j === m || (i < n && lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1])) {
        ops.push({ kind: "-", line: a[start + i], a: start + i, b: start + j });
        i++;
      } else {
        ops.push({ kind: "+", line: b[start + j], a: start + i, b: start + j });
        j++;
      }
    }
  } else {
    for (let i = start; i < endA; i++) ops.push({ kind: "-", line: a[i], a: i, b: start });
    for (let j = start; j < endB; j++) ops.push({ kind: "+", line: b[j], a: endA, b: j });
  }
  for (let i = endA, j = endB; i < a.length; i++, j++) ops.push({ kind: " ", line: a[i], a: i, b: j });
  return ops;
}

function lines(text) {
  const all = text.split("\n");
  if (all[all.length - 1] === "") all.pop();
  return all;
}

/** Makes invisible differences visible: carriage returns, tabs and trailing spaces. */
function visible(line) {
  return line
    .replace(/\r/g, "\\r")
    .replace(/\t/g, "\\t")
    .replace(/ +$/, (spaces) => "\u00b7".repeat(spaces.length));
}

class Unscannable extends Error {
  constructor(offset) {
    super(`cannot scan at ${offset}`);
    this.offset = offset;
  }
}

/**
 * What `terraform fmt` rewrites beyond hclwrite.Format (terraform's internal/command/fmt.go, formatBody):
 * an argument whose whole value is one interpolation ("${x}" becomes x), a legacy or element-less
 * variable type ("string", list, map, set), and an unquoted block label. Scans a file that parsed, so it
 * only needs to follow the structure: bodies, arguments, blocks, brackets, strings, heredocs, comments.
 */
function terraformFmtRewrites(text) {
  const found = [];
  let i = 0;
  const lineAt = (offset) => text.slice(0, offset).split("\n").length;
  const isIdentStart = (c) => /[\p{L}_]/u.test(c);
  const isIdentPart = (c) => /[\p{L}\p{N}_-]/u.test(c);

  function skipComment() {
    if (text[i] === "#" || text.startsWith("//", i)) {
      while (i < text.length && text[i] !== "\n") i++;
      return true;
    }
    if (text.startsWith("/*", i)) {
      const end = text.indexOf("*/", i + 2);
      if (end < 0) throw new Unscannable(i);
      i = end + 2;
      return true;
    }
    return false;
  }

  function skipBlank(newlines) {
    for (;;) {
      const c = text[i];
      if (c === " " || c === "\t" || c === "\r" || (newlines && c === "\n")) i++;
      else if (!skipComment()) return;
    }
  }

  function identifier() {
    const start = i;
    if (i < text.length && isIdentStart(text[i])) {
      i++;
      while (i < text.length && isIdentPart(text[i])) i++;
    }
    return text.slice(start, i);
  }

  // A quoted template, from its opening quote; returns its top-level parts: "literal" or "interp".
  function template() {
    const parts = [];
    i++;
    for (;;) {
      if (i >= text.length || text[i] === "\n") throw new Unscannable(i);
      if (text[i] === "\\") {
        i += 2;
        parts.push("literal");
      } else if (text.startsWith("$${", i) || text.startsWith("%%{", i)) {
        i += 3;
        parts.push("literal");
      } else if (text.startsWith("${", i) || text.startsWith("%{", i)) {
        parts.push(text[i] === "$" ? "interp" : "directive");
        i += 2;
        expression(false);
        if (text[i] !== "}") throw new Unscannable(i);
        i++;
      } else if (text[i] === '"') {
        i++;
        return parts;
      } else {
        i++;
        parts.push("literal");
      }
    }
  }

  function heredoc() {
    const m = /^<<-?([\p{L}_][\p{L}\p{N}_-]*)\r?\n/u.exec(text.slice(i));
    if (!m) return false;
    i += m[0].length;
    for (;;) {
      if (i >= text.length) throw new Unscannable(i);
      let end = text.indexOf("\n", i);
      if (end < 0) end = text.length;
      const line = text.slice(i, end).replace(/\r$/, "");
      i = end;
      if (line.trim() === m[1]) return true;
      i++;
    }
  }

  // An expression up to (not including) the newline that ends it (untilNewline) or an unmatched closer.
  function expression(untilNewline) {
    let depth = 0;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') template();
      else if (c === "<" && heredoc()) continue;
      else if (skipComment()) continue;
      else if (c === "(" || c === "[" || c === "{") {
        depth++;
        i++;
      } else if (c === ")" || c === "]" || c === "}") {
        if (depth === 0) return;
        depth--;
        i++;
      } else if (c === "\n" && depth === 0 && untilNewline) return;
      else i++;
    }
  }

  // A body: arguments and blocks, up to an unmatched "}" or the end of the file.
  function body(blockTypes) {
    for (;;) {
      skipBlank(true);
      if (i >= text.length || text[i] === "}") return;
      const name = identifier();
      if (!name) throw new Unscannable(i);
      skipBlank(false);
      if (text[i] === "=" && text[i + 1] !== "=") {
        i++;
        skipBlank(false);
        const valueAt = i;
        expression(true);
        argument(blockTypes, name, text.slice(valueAt, i).trim(), valueAt);
        continue;
      }
      for (;;) {
        skipBlank(false);
        if (text[i] === "{") break;
        if (text[i] === '"') {
          template();
        } else {
          const labelAt = i;
          const label = identifier();
          if (!label) throw new Unscannable(i);
          found.push({ line: lineAt(labelAt), message: `block ${name}: label ${label} is not quoted` });
        }
      }
      i++;
      body([...blockTypes, name]);
      if (text[i] !== "}") throw new Unscannable(i);
      i++;
    }
  }

  function argument(blockTypes, name, value, valueAt) {
    if (blockTypes.length === 1 && blockTypes[0] === "variable" && name === "type") {
      if (/^(list|map|set)$/.test(value)) {
        found.push({ line: lineAt(valueAt), message: `type = ${value} is written ${value}(any)` });
      } else if (/^"(string|list|map)"$/.test(value)) {
        found.push({ line: lineAt(valueAt), message: `the legacy quoted type ${value} is written unquoted` });
      }
      return;
    }
    if (!value.startsWith('"${') || !value.endsWith('}"')) return;
    const saved = i;
    i = valueAt;
    const parts = template();
    const whole = i === valueAt + value.length;
    i = saved;
    if (whole && parts.length === 1 && parts[0] === "interp") {
      found.push({ line: lineAt(valueAt), message: `${name} = ${value}: an interpolation-only string is written`
        + " as the bare expression" });
    }
  }

  body([]);
  if (i < text.length) throw new Unscannable(i);
  return found;
}

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write("usage: node tools/hcl_check.mjs FILE...\n");
  process.exit(2);
}
const problems = [];
for (const file of files) {
  problems.push(...(await check(file)));
}
if (problems.length > 0) {
  process.stdout.write(problems.join("\n") + "\n");
}
process.exitCode = problems.length > 0 ? 1 : 0; // not exit(): it would cut off buffered output
