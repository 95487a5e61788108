/**
 * The verbs a live-response command may name. Every one is code the agent
 * ships (execfg runs only an argv the agent's own config lists); nothing
 * here ever reaches a shell.
 */
export const LIVE_RESPONSE_VERBS = ['myip', 'ps', 'netstat', 'procinfo', 'kill', 'execfg'] as const;

export type LiveResponseVerb = (typeof LIVE_RESPONSE_VERBS)[number];

export function isLiveResponseVerb(value: string): value is LiveResponseVerb {
  return (LIVE_RESPONSE_VERBS as readonly string[]).includes(value);
}

/**
 * Names an execfg entry may have: a word, so it reads the same in a config
 * file, a log line and `pushtrace lr SENSOR execfg NAME`.
 */
export const EXECFG_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
