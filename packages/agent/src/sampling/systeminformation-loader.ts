import type { Systeminformation } from 'systeminformation';

type SystemInformation = typeof import('systeminformation');

let loaded: Promise<SystemInformation> | undefined;

/**
 * systeminformation, loaded on first use. Linux never needs it (/proc is
 * read directly), and loading it costs an idle agent several MB of memory.
 */
export function systemInformation(): Promise<SystemInformation> {
  loaded ??= import('systeminformation').then((module) => (module as { default?: SystemInformation }).default ?? module);
  return loaded;
}

export type { Systeminformation };
