import { homedir } from 'node:os';
import path from 'node:path';

/**
 * Where operator keys live: --key-dir, then PUSHTRACE_KEY_DIR, then
 * ~/.config/pushtrace/keys (XDG_CONFIG_HOME honoured).
 */
export function resolveKeyDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag !== undefined && flag !== '') return path.resolve(flag);
  if (env.PUSHTRACE_KEY_DIR) return path.resolve(env.PUSHTRACE_KEY_DIR);
  const configHome = env.XDG_CONFIG_HOME || path.join(homedir(), '.config');
  return path.join(configHome, 'pushtrace', 'keys');
}

/** The key `pushtrace lr` signs with: --key, then PUSHTRACE_KEY (a key name in the key dir, or a path to a .key file). */
export function resolveKeyChoice(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string | null {
  if (flag !== undefined && flag !== '') return flag;
  return env.PUSHTRACE_KEY || null;
}
