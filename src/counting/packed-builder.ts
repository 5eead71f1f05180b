import type { PackedBallots } from './profile.js';

/** Growable typed arrays for building `PackedBallots` one mark at a time. */
export class PackedBuilder {
  private weights = new Float64Array(1024);
  private offsets = new Uint32Array(1025);
  private marks = new Uint16Array(4096);
  private lines = 0;
  private size = 0;

  /** Appends one mark (candidate index, possibly OR-ed with TIED_WITH_PREVIOUS) to the open line. */
  mark(value: number): void {
    if (this.size === this.marks.length) {
      const m = new Uint16Array(this.marks.length * 2);
      m.set(this.marks);
      this.marks = m;
    }
    this.marks[this.size++] = value;
  }

  /** Number of marks in the open line so far. */
  openLength(): number {
    return this.size - (this.offsets[this.lines] as number);
  }

  /** The mark at `i` positions into the open line. */
  openMark(i: number): number {
    return this.marks[(this.offsets[this.lines] as number) + i] as number;
  }

  /** Closes the open line with its weight. */
  close(weight: number): void {
    if (this.lines + 1 === this.weights.length) {
      const w = new Float64Array(this.weights.length * 2);
      w.set(this.weights);
      this.weights = w;
      const o = new Uint32Array(this.offsets.length * 2);
      o.set(this.offsets);
      this.offsets = o;
    }
    this.weights[this.lines] = weight;
    this.lines++;
    this.offsets[this.lines] = this.size;
  }

  /** Drops the marks of the open line. */
  discard(): void {
    this.size = this.offsets[this.lines] as number;
  }

  build(): PackedBallots {
    return {
      lines: this.lines,
      weights: this.weights.slice(0, this.lines),
      offsets: this.offsets.slice(0, this.lines + 1),
      marks: this.marks.slice(0, this.size),
    };
  }
}
