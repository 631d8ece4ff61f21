// Rewrites a Prisma 7 schema file into one that Prisma 6's `migrate diff` accepts:
//  - generator blocks are blanked out (they do not affect the SQL);
//  - datasource blocks with no `url` get a dummy one (Prisma 7 keeps the URL in
//    prisma.config.ts, Prisma 6 requires it in the schema; nothing ever connects to it).
// Removed lines become empty lines and the datasource block is moved to the end of the file,
// so Prisma's error messages keep the line numbers of the original file.
// With --datasource-only, only the datasource blocks are kept: the "empty" schema that the
// first migration starts from (same SQL as `prisma migrate dev` gives for an init migration).
//
// Usage: node prepare-schema.mjs [--datasource-only] INPUT OUTPUT
import { readFileSync, writeFileSync } from "node:fs";

const args = process.argv.slice(2);
const datasourceOnly = args[0] === "--datasource-only";
if (datasourceOnly) args.shift();
if (args.length !== 2) {
  console.error("usage: node prepare-schema.mjs [--datasource-only] INPUT OUTPUT");
  process.exit(64);
}
const [input, output] = args;

const DUMMY_URL = '  url = "postgresql://offline/prisma-diff"';
function fail(message) {
  console.error(`prepare-schema: ${input}: ${message}`);
  process.exit(1);
}

const lines = readFileSync(input, "utf8").split(/\r?\n/);
const body = []; // the file with generator/datasource lines blanked out
const datasources = []; // datasource blocks, url added where missing
let block = null; // the generator or datasource block being read: { kind, lines, hasUrl }

for (const line of lines) {
  if (block === null) {
    const open = /^\s*(generator|datasource)\s+\w+\s*\{/.exec(line);
    if (!open) {
      body.push(line);
      continue;
    }
    if (/\}\s*(\/\/.*)?$/.test(line.slice(line.indexOf("{") + 1))) {
      fail(`one-line "${open[1]}" blocks are not supported: ${line}`);
    }
    block = { kind: open[1], lines: [line], hasUrl: false };
    body.push("");
    continue;
  }
  body.push("");
  if (/^\s*\}\s*(\/\/.*)?$/.test(line)) {
    if (block.kind === "datasource") {
      if (!block.hasUrl) block.lines.push(DUMMY_URL);
      datasources.push(...block.lines, line, "");
    }
    block = null;
    continue;
  }
  if (block.kind === "datasource" && /^\s*url\s*=/.test(line)) block.hasUrl = true;
  block.lines.push(line);
}

if (block !== null) fail(`unterminated "${block.kind}" block`);
if (datasources.length === 0) fail("no datasource block");
const result = datasourceOnly ? datasources : [...body, "", ...datasources];
writeFileSync(output, result.join("\n"));
