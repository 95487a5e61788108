import pino, { type Logger } from 'pino';

/** Structured JSON lines on stdout; the service manager keeps them. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'pushtrace-agent' } });
}
