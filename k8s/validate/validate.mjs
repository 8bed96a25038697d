// Validates every object of a rendered manifest (kubectl kustomize output) against the Kubernetes
// API schemas that the kubernetes-models package compiles: types, formats, enums and required
// fields. Prints one line per object; exits 1 when any is invalid or of a kind it does not know.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const [file] = process.argv.slice(2);
let invalid = 0;
for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
  const object = document.toJS();
  if (object === null) {
    continue;
  }
  const name = `${object.kind} ${object.metadata?.name}`;
  // "apps/v1" lives under kubernetes-models/apps/v1, the core group's "v1" under kubernetes-models/v1
  const modelPath = `kubernetes-models/${object.apiVersion}/${object.kind}`;
  let Model;
  try {
    Model = (await import(modelPath))[object.kind];
  } catch {
    console.log(`UNKNOWN ${name}: no schema for ${object.apiVersion} ${object.kind}`);
    invalid++;
    continue;
  }
  try {
    new Model(object).validate();
    console.log(`valid   ${name}`);
  } catch (error) {
    console.log(`INVALID ${name}: ${error.message}`);
    invalid++;
  }
}
process.exit(invalid === 0 ? 0 : 1);
