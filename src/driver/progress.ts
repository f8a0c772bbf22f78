/** A one-line counter on stderr, for terminals only (and not with NO_COLOR); pipes and files never see it. */
export class Progress {
  private shown = false;
  private lastDraw = 0;
  /** Decided once: reading process.env is slow, and update() runs for every file. */
  readonly enabled: boolean;

  constructor(private readonly stream: NodeJS.WriteStream) {
    const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
    this.enabled = this.stream.isTTY === true && process.env.CI === undefined && !noColor;
  }

  update(done: number, changed: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.stream.write(`\r\x1b[2Ktmpfix: ${done} ${done === 1 ? 'file' : 'files'}, ${changed} to change…`);
    this.shown = true;
  }

  /** Wipes the line so that other output starts on a clean line. */
  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\x1b[2K');
    this.shown = false;
  }
}
