// Reads one MP4 with c2pa-rs (compiled to WASM) and prints its report as JSON on stdout.
// Usage: node read-c2pa.mjs FILE   — exit 0 with the report, or exit 3 with {"error": "..."}.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = path.join(here, 'node_modules/@contentauth/c2pa-wasm/pkg/');
const file = process.argv[2];
try {
  const mod = await import(path.join(pkg, 'c2pa.js'));
  await mod.default({ module_or_path: fs.readFileSync(path.join(pkg, 'c2pa_bg.wasm')) });
  const reader = await mod.WasmReader.fromBytes('video/mp4', new Uint8Array(fs.readFileSync(file)));
  process.stdout.write(reader.json());
} catch (e) {
  process.stdout.write(JSON.stringify({ error: String(e && (e.message || e)) }));
  process.exit(3);
}
