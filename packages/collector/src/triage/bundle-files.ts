import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CollectorError } from '../errors.js';
import { BUNDLE_FORMAT, type EvidenceBundle } from './evidence-bundle.js';

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Writes a bundle into `dir` (created; must be empty or new) and checks every
 * file against its sha256 after writing, so a bundle that reached disk wrong
 * is never reported as made.
 */
export async function writeBundle(dir: string, bundle: EvidenceBundle): Promise<void> {
  await mkdir(dir, { recursive: true });
  const existing = await readdir(dir);
  if (existing.length > 0) {
    throw new CollectorError('COLLECTOR_E_USAGE', `bundle directory ${dir} is not empty; give a new or empty directory`);
  }
  for (const file of bundle.files) {
    // Names come from the server: never let one climb out of the directory.
    if (!SAFE_NAME.test(file.name)) throw new CollectorError('COLLECTOR_E_SERVER_ERROR', `bundle file name ${JSON.stringify(file.name)} is not a plain file name`);
    const buf = Buffer.from(file.text, 'utf8');
    if (sha256(buf) !== file.sha256) {
      throw new CollectorError('COLLECTOR_E_SERVER_ERROR', `bundle file ${file.name}: content does not match the sha256 the collector sent`);
    }
    await writeFile(join(dir, file.name), buf, { flag: 'wx', mode: 0o600 });
  }
  const problems = await verifyBundle(dir);
  if (problems.length > 0) throw new CollectorError('COLLECTOR_E_SERVER_ERROR', `bundle in ${dir} does not verify: ${problems.join('; ')}`);
}

/**
 * Re-checks a bundle directory against its manifest: every listed file
 * present with its size and sha256, nothing unlisted beside it. Returns the
 * problems found, empty when it verifies.
 */
export async function verifyBundle(dir: string): Promise<string[]> {
  let manifestText: string;
  try {
    manifestText = await readFile(join(dir, 'manifest.json'), 'utf8');
  } catch (cause) {
    return [`cannot read ${join(dir, 'manifest.json')}: ${(cause as Error).message}`];
  }
  let manifest: { format?: unknown; files?: Array<{ name: string; sha256: string; bytes: number }> };
  try {
    manifest = JSON.parse(manifestText) as typeof manifest;
  } catch (cause) {
    return [`manifest.json is not JSON: ${(cause as Error).message}`];
  }
  if (manifest.format !== BUNDLE_FORMAT || !Array.isArray(manifest.files)) {
    return [`manifest.json is not a ${BUNDLE_FORMAT} manifest`];
  }
  const problems: string[] = [];
  const listed = new Set(['manifest.json', 'SHA256SUMS']);
  for (const entry of manifest.files) {
    if (typeof entry?.name !== 'string' || !SAFE_NAME.test(entry.name)) {
      problems.push(`manifest lists a bad file name ${JSON.stringify(entry?.name)}`);
      continue;
    }
    listed.add(entry.name);
    let buf: Buffer;
    try {
      buf = await readFile(join(dir, entry.name));
    } catch {
      problems.push(`${entry.name}: missing`);
      continue;
    }
    if (buf.length !== entry.bytes) problems.push(`${entry.name}: ${buf.length} bytes, manifest says ${entry.bytes}`);
    else if (sha256(buf) !== entry.sha256) problems.push(`${entry.name}: sha256 differs from the manifest (changed after export)`);
  }
  problems.push(...(await checkSums(dir)));
  for (const name of await readdir(dir)) {
    if (!listed.has(name)) problems.push(`${name}: not in the manifest`);
  }
  return problems;
}

/** SHA256SUMS also covers manifest.json, so an edited manifest is caught too. */
async function checkSums(dir: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(join(dir, 'SHA256SUMS'), 'utf8');
  } catch {
    return ['SHA256SUMS: missing'];
  }
  const problems: string[] = [];
  let sawManifest = false;
  for (const line of text.split('\n').filter((l) => l !== '')) {
    const m = /^([0-9a-f]{64}) {2}([A-Za-z0-9][A-Za-z0-9._-]*)$/.exec(line);
    if (m === null) {
      problems.push(`SHA256SUMS: bad line ${JSON.stringify(line)}`);
      continue;
    }
    if (m[2] === 'manifest.json') sawManifest = true;
    try {
      if (sha256(await readFile(join(dir, m[2]!))) !== m[1]) problems.push(`${m[2]}: sha256 differs from SHA256SUMS`);
    } catch {
      problems.push(`${m[2]}: listed in SHA256SUMS but missing`);
    }
  }
  if (!sawManifest) problems.push('SHA256SUMS does not cover manifest.json');
  return problems;
}

function sha256(buf: Buffer): string {
  return createHash('sha256').update(buf).digest('hex');
}
