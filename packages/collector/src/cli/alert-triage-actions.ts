import { parseArgs } from 'node:util';
import type { ClientConfig } from '../config/client-config.js';
import { CollectorError } from '../errors.js';
import type { AlertTriage } from '../store/analyst-store.js';
import type { StoredAlert } from '../store/store.js';
import { verifyBundle, writeBundle } from '../triage/bundle-files.js';
import type { EvidenceBundle } from '../triage/evidence-bundle.js';
import { getJson, postJson } from './api-client.js';
import { EXIT, type CliIo } from './cli-io.js';
import { withUsageErrors } from './parse-flags.js';

/** `alerts <action> ...` sub-commands that change or export one alert. */
export const TRIAGE_ACTIONS = ['tag', 'untag', 'close', 'status', 'assign', 'note', 'export', 'verify'] as const;
export type TriageAction = (typeof TRIAGE_ACTIONS)[number];

const CLOSE_AS: Record<string, string> = { benign: 'closed-benign', malicious: 'closed-malicious' };

/**
 * Runs one triage sub-command. `rest` is what follows the action word;
 * `json` prints the API's answer as JSON only.
 */
export async function runTriageAction(action: TriageAction, rest: readonly string[], config: () => ClientConfig,
  io: CliIo, json: boolean): Promise<number> {
  const usage = (why: string) => new CollectorError('COLLECTOR_E_USAGE', `pushtrace alerts ${action}: ${why}`);
  const { values, positionals } = withUsageErrors(`alerts ${action}`, () => parseArgs({
    args: [...rest], options: { note: { type: 'string' }, as: { type: 'string' }, out: { type: 'string' } }, strict: true, allowPositionals: true,
  }));
  if (action === 'verify') {
    if (positionals.length !== 1) throw usage('expected one bundle directory');
    const problems = await verifyBundle(positionals[0]!);
    if (json) io.stdout.write(`${JSON.stringify({ directory: positionals[0], ok: problems.length === 0, problems }, null, 2)}\n`);
    else io.stdout.write(problems.length === 0 ? `${positionals[0]}: bundle verifies against its manifest\n`
      : `${positionals[0]}: bundle does NOT verify:\n${problems.map((p) => `  - ${p}\n`).join('')}`);
    return problems.length === 0 ? EXIT.OK : EXIT.FAILURE;
  }
  const id = positionals[0];
  if (id === undefined || !/^\d+$/.test(id)) throw usage('expected an alert ID (a number) first');
  const note = values.note ?? '';
  if (action === 'export') {
    if (positionals.length !== 1) throw usage('expected only the alert ID (the directory goes in --out)');
    const dir = values.out ?? `pushtrace-alert-${id}`;
    const bundle = (await getJson(config(), `/api/v1/alerts/${id}/bundle`)) as EvidenceBundle;
    await writeBundle(dir, bundle);
    const manifest = bundle.files.find((f) => f.name === 'manifest.json');
    if (json) io.stdout.write(`${JSON.stringify({ directory: dir, files: bundle.files.map(({ text: _, ...f }) => f) }, null, 2)}\n`);
    else io.stdout.write(`alert ${id}: evidence bundle written to ${dir} (${bundle.files.length} files, manifest sha256 ${manifest?.sha256})\n`
      + `check it anywhere with: (cd ${dir} && sha256sum -c SHA256SUMS), or pushtrace alerts verify ${dir}\n`);
    return EXIT.OK;
  }
  let step: Record<string, unknown>;
  switch (action) {
    case 'tag':
    case 'untag':
      if (positionals.length !== 2) throw usage('expected ID TAG');
      step = { action, tag: positionals[1], note };
      break;
    case 'close': {
      if (positionals.length !== 1) throw usage('expected ID --as benign|malicious [--note TEXT]');
      const status = CLOSE_AS[values.as ?? ''];
      if (status === undefined) throw usage('--as must be benign or malicious');
      step = { action: 'status', status, note };
      break;
    }
    case 'status':
      if (positionals.length !== 2) throw usage('expected ID STATUS (new, investigating, closed-benign, closed-malicious)');
      step = { action: 'status', status: positionals[1], note };
      break;
    case 'assign':
      if (positionals.length !== 2) throw usage('expected ID ASSIGNEE ("" to unassign)');
      step = { action: 'assign', assignee: positionals[1], note };
      break;
    case 'note':
      if (positionals.length !== 2) throw usage('expected ID "TEXT"');
      step = { action: 'note', note: positionals[1] };
      break;
  }
  if (values.as !== undefined && action !== 'close') throw usage('--as belongs to "alerts close"');
  const answer = (await postJson(config(), `/api/v1/alerts/${id}/triage`, step)) as { alert: StoredAlert; triage: AlertTriage };
  if (json) {
    io.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
  } else {
    const t = answer.triage;
    io.stdout.write(`alert ${id}: status ${t.status}, tags [${t.tags.join(', ')}], assignee ${t.assignee === '' ? '-' : t.assignee}\n`);
  }
  return EXIT.OK;
}
