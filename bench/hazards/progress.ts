/** A one-line text progress bar on stderr (no dependency): [#####-----]  52%  520000/1000000 hazards  41 s */
export class ProgressBar {
  private readonly started = Date.now();
  private lastDrawn = 0;
  private drawnDone = -1;

  constructor(
    private readonly total: number,
    private readonly label: string,
    private readonly width = 30,
  ) {}

  update(done: number): void {
    const now = Date.now();
    if (done === this.drawnDone) return;
    if (done < this.total && now - this.lastDrawn < (process.stderr.isTTY ? 200 : 5000)) return;
    this.lastDrawn = now;
    this.drawnDone = done;
    const share = this.total === 0 ? 1 : Math.min(1, done / this.total);
    const filled = Math.round(share * this.width);
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    const line = `[${'#'.repeat(filled)}${'-'.repeat(this.width - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%  ${done}/${this.total} ${this.label}  ${seconds.toFixed(0)} s  ${rate}/s`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
  }

  finish(): void {
    this.update(this.total);
    if (process.stderr.isTTY) process.stderr.write('\n');
  }
}
