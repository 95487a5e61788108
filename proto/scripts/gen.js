// Regenerates gen/pushtrace.{js,d.ts} from pushtrace.proto with pbjs/pbts.
// With --check it writes to a temp folder and fails if the committed files
// differ, so CI catches a .proto edited without regenerating.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const outDir = check ? mkdtempSync(join(tmpdir(), 'pushtrace-proto-')) : join(root, 'gen');
const bin = (name) => join(root, 'node_modules', '.bin', name);

const js = join(outDir, 'pushtrace.js');
const dts = join(outDir, 'pushtrace.d.ts');
execFileSync(bin('pbjs'), ['-t', 'static-module', '-w', 'esm', '--force-number',
  '--no-typeurl', '-o', js, join(root, 'pushtrace.proto')], { stdio: 'inherit' });
execFileSync(bin('pbts'), ['-o', dts, js], { stdio: 'inherit' });
// pbjs writes an extensionless import; Node's ESM resolver needs the file name.
for (const file of [js, dts]) {
  const text = readFileSync(file, 'utf8').replaceAll('"protobufjs/minimal"', '"protobufjs/minimal.js"');
  writeFileSync(file, text);
}

if (check) {
  let stale = [];
  for (const name of ['pushtrace.js', 'pushtrace.d.ts']) {
    const fresh = readFileSync(join(outDir, name), 'utf8');
    const committed = readFileSync(join(root, 'gen', name), 'utf8');
    if (fresh !== committed) stale.push(name);
  }
  rmSync(outDir, { recursive: true, force: true });
  if (stale.length > 0) {
    console.error(`proto/gen is stale (${stale.join(', ')}): run \`pnpm proto:gen\` and commit the result`);
    process.exit(1);
  }
  console.log('proto/gen matches pushtrace.proto');
}
