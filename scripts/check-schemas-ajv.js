// Checks medsec's JSON Schemas with ajv (draft 2020-12) and ajv-formats,
// as a vendor's JavaScript code would use them: every *.schema.json of the
// module is compiled in strict mode with formats asserted, the references
// between schemas resolve by $id, and the documents listed in
// scripts/schema-documents.json are valid under their schema.
//
// It needs the npm packages ajv (8) and ajv-formats, which the module does
// not ship; install them in a scratch folder and point NODE_PATH at it:
//
//	npm install --prefix /tmp/ajv ajv@8 ajv-formats@3
//	NODE_PATH=/tmp/ajv/node_modules node scripts/check-schemas-ajv.js
"use strict";

const fs = require("fs");
const path = require("path");

let Ajv2020, addFormats;
try {
  Ajv2020 = require("ajv/dist/2020").default;
  addFormats = require("ajv-formats").default;
} catch (e) {
  console.log("check-schemas-ajv: ajv and ajv-formats are not installed (see the comment at the top); nothing checked");
  process.exit(0);
}

const root = path.join(__dirname, "..");
process.chdir(root);

function walk(dir, out) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== ".git" && e.name !== "testdata" && e.name !== "node_modules") walk(p, out);
    } else if (e.name.endsWith(".schema.json")) {
      out.push(p);
    }
  }
  return out;
}

// glob matches the documents' patterns: a directory and a file name with *.
function glob(pattern) {
  const dir = path.dirname(pattern);
  const re = new RegExp("^" + path.basename(pattern).replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*") + "$");
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => re.test(f)).map((f) => path.join(dir, f)).sort();
}

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
let failures = 0;
const schemas = {};
for (const p of walk(".", []).sort()) {
  const s = JSON.parse(fs.readFileSync(p, "utf8"));
  schemas[p] = s;
  try {
    ajv.addSchema(s);
  } catch (e) {
    console.log(`FAIL ${p}: ${e.message}`);
    failures++;
  }
}
let checked = 0;
const documents = JSON.parse(fs.readFileSync("scripts/schema-documents.json", "utf8"));
for (const [schemaPath, patterns] of Object.entries(documents)) {
  const s = schemas[schemaPath];
  if (!s) {
    console.log(`FAIL ${schemaPath}: no such schema`);
    failures++;
    continue;
  }
  let validate;
  try {
    validate = ajv.getSchema(s.$id);
  } catch (e) {
    console.log(`FAIL ${schemaPath}: ${e.message}`);
    failures++;
    continue;
  }
  const files = patterns.flatMap(glob);
  if (files.length === 0) {
    console.log(`FAIL ${schemaPath}: no documents match ${patterns}`);
    failures++;
  }
  for (const f of files) {
    checked++;
    if (!validate(JSON.parse(fs.readFileSync(f, "utf8")))) {
      for (const e of validate.errors.slice(0, 5)) {
        console.log(`FAIL ${f} against ${schemaPath}: ${e.instancePath || "/"}: ${e.message}`);
      }
      failures++;
    }
  }
}
console.log(`check-schemas-ajv: ${Object.keys(schemas).length} schemas, ${checked} documents, ${failures} failures`);
process.exit(failures ? 1 : 0);
