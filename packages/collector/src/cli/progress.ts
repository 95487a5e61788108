/**
 * A one-line progress indicator on stderr: redrawn in place on a terminal,
 * one line per change otherwise (a log file should not fill with spinner
 * frames).
 */
export class Progress {
  readonly #out: NodeJS.WritableStream & { isTTY?: boolean };
  readonly #started = Date.now();
  #frame = 0;
  #last = '';
  #drawn = false;

  constructor(out: NodeJS.WritableStream) {
    this.#out = out;
  }

  update(text: string): void {
    const seconds = Math.round((Date.now() - this.#started) / 1000);
    if (this.#out.isTTY === true) {
      const spin = '|/-\\'[this.#frame++ % 4];
      this.#out.write(`\r\x1b[2K${spin} ${text} (${seconds}s)`);
      this.#drawn = true;
    } else if (text !== this.#last) {
      this.#out.write(`${text}\n`);
    }
    this.#last = text;
  }

  done(): void {
    if (this.#drawn) this.#out.write('\r\x1b[2K');
    this.#drawn = false;
  }
}
