import { AGENT_USAGE, loadAgentConfig } from './config/load.js';
import { AgentError } from './errors.js';
import { createLogger } from './logger.js';
import { startAgent } from './agent.js';
import { AGENT_VERSION } from './version.js';

async function main(): Promise<void> {
  let loaded;
  try {
    loaded = loadAgentConfig(process.argv.slice(2));
  } catch (error) {
    if (error instanceof AgentError) {
      process.stderr.write(`pushtrace-agent: ${error.message}\n\n${AGENT_USAGE}`);
      process.exit(2);
    }
    throw error;
  }
  if (loaded.kind === 'help') {
    process.stdout.write(AGENT_USAGE);
    return;
  }
  if (loaded.kind === 'version') {
    process.stdout.write(`${AGENT_VERSION}\n`);
    return;
  }
  const log = createLogger(loaded.config.logLevel);
  let agent;
  try {
    agent = await startAgent(loaded.config, log);
  } catch (error) {
    const code = error instanceof AgentError ? error.code : 'AGENT_E_START';
    log.fatal({ err: error, code }, 'agent could not start');
    process.stderr.write(`pushtrace-agent: ${(error as Error).message}\n`);
    process.exit(1);
  }
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    agent.stop().then(() => process.exit(0), (error: unknown) => {
      log.error({ err: error }, 'unclean stop');
      process.exit(1);
    });
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

void main();
