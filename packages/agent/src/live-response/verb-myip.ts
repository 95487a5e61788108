import { MYIP_HOSTNAME, lookupExternalIp } from '../sampling/external-ip.js';
import { AgentError } from '../errors.js';
import type { VerbContext } from './verb-context.js';

/**
 * The write-up's `execfg nslookup myip.opendns.com resolver1.opendns.com`,
 * done by the agent's own lookup with its configured resolvers. Prints what
 * nslookup would: which server answered, the name, the address.
 */
export async function runMyip(ctx: VerbContext, signal: AbortSignal): Promise<string> {
  let answer;
  try {
    answer = await lookupExternalIp({ resolvers: ctx.resolvers, timeoutMs: ctx.resolverTimeoutMs, signal });
  } catch (err) {
    if (signal.aborted) throw err;
    throw new AgentError('AGENT_E_LIVE_RESPONSE', (err as Error).message, { cause: err });
  }
  return `Server:  ${answer.resolver}\nName:    ${MYIP_HOSTNAME}\nAddress: ${answer.ip}\n`;
}
