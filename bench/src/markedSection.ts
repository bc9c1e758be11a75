import { readFileSync } from 'node:fs';

/**
 * A part of BENCHMARKS.md that one workload writes on its own (`--hands`, `--peak`, `--hold`),
 * between `<!-- name:start -->` and `<!-- name:end -->`: the workload replaces it in place, and
 * the main report keeps it when it regenerates the rest of the file.
 */
export class MarkedSection {
  readonly start: string;
  readonly end: string;

  constructor(name: string) {
    this.start = `<!-- ${name}:start -->`;
    this.end = `<!-- ${name}:end -->`;
  }

  /** `md` with `section` in place of this section, or appended; unchanged without a section. */
  replaceIn(md: string, section: string | null): string {
    if (!section) return md;
    const start = md.indexOf(this.start);
    const end = md.indexOf(this.end);
    return start >= 0 && end > start
      ? md.slice(0, start) + section + md.slice(end + this.end.length)
      : `${md.trimEnd()}\n\n${section}\n`;
  }

  /** This section of an existing file, markers included, or null. */
  readFrom(file: string): string | null {
    let md: string;
    try {
      md = readFileSync(file, 'utf8');
    } catch {
      return null;
    }
    const start = md.indexOf(this.start);
    const end = md.indexOf(this.end);
    return start >= 0 && end > start ? md.slice(start, end + this.end.length) : null;
  }
}
