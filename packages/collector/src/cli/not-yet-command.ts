import { EXIT, type Command } from './cli-io.js';

/** A command the CLI knows but that arrives with a later piece of work. */
export function notYetCommand(synopsis: string, summary: string, arrivesWith: string): Command {
  const name = synopsis.split(' ')[0]!;
  return {
    summary: `${summary} (not available yet)`,
    usage: `usage: pushtrace ${synopsis}\n\n${summary}: not available yet: arrives with ${arrivesWith}\n`,
    async run(_args, io) {
      io.stderr.write(`pushtrace ${name}: not available yet: arrives with ${arrivesWith}\n`);
      return EXIT.USAGE;
    },
  };
}
