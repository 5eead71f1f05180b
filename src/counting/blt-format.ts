import { countingError } from './errors.js';
import { PackedBuilder } from './packed-builder.js';
import {
  type BallotProfile,
  CANDIDATE_MASK,
  type Candidate,
  MAX_CANDIDATES,
  TIED_WITH_PREVIOUS,
} from './profile.js';

const NL = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const QUOTE = 34;
const MINUS = 45;
const EQUALS = 61;
const ZERO = 48;
const NINE = 57;

/**
 * Reads an ERS/OpenSTV `.blt` ballot file, from bytes (fast path: no string is made
 * for the ballots) or text:
 *
 * ```
 * 4 2              number of candidates, number of seats
 * -3               optional: withdrawn candidates, negated (one line, before the ballots)
 * 12 1 2 0         weight, then candidate numbers (1-based) best first, then 0
 * 3 2=4 1 0        "=" joins candidates ranked equal; "-" is a skipped rank (ignored)
 * 0                end of ballots
 * "Ann Smith"      one name per line, quoted or not; quoted names may share a line
 * "Ward 1"         the title
 * ```
 *
 * Refuses a malformed file with a SovietError whose `params.line` is the 1-based line:
 * BALLOT_FILE_EMPTY, BLT_BAD_HEADER, BLT_BAD_WITHDRAWN, BLT_BAD_BALLOT,
 * BLT_NO_END_OF_BALLOTS, BLT_MISSING_NAMES, BLT_BAD_NAME, BLT_TRAILING_TEXT.
 * Blank lines are allowed anywhere.
 */
export function parseBlt(input: Uint8Array | string): BallotProfile {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const len = bytes.length;
  let pos = 0;
  let line = 1;

  const skipBlanks = (): void => {
    for (;;) {
      while (pos < len && (bytes[pos] === SPACE || bytes[pos] === TAB || bytes[pos] === CR)) pos++;
      if (pos < len && bytes[pos] === NL) {
        pos++;
        line++;
        continue;
      }
      return;
    }
  };
  const skipSpaces = (): void => {
    while (pos < len && (bytes[pos] === SPACE || bytes[pos] === TAB || bytes[pos] === CR)) pos++;
  };
  const atLineEnd = (): boolean => pos >= len || bytes[pos] === NL;
  /** Reads a whole number at pos, or returns -1 when there are no digits there. */
  const readNumber = (): number => {
    const start = pos;
    let v = 0;
    while (pos < len) {
      const b = bytes[pos] as number;
      if (b < ZERO || b > NINE) break;
      v = v * 10 + (b - ZERO);
      pos++;
    }
    return pos === start ? -1 : v;
  };
  const restOfLine = (): string => {
    const start = pos;
    while (pos < len && bytes[pos] !== NL) pos++;
    return new TextDecoder().decode(bytes.subarray(start, pos)).trim();
  };
  const endLine = (): void => {
    if (pos < len && bytes[pos] === NL) {
      pos++;
      line++;
    }
  };

  // Header.
  skipBlanks();
  if (pos >= len) throw countingError('BALLOT_FILE_EMPTY');
  const headerLine = line;
  const candidates = readNumber();
  skipSpaces();
  const seats = readNumber();
  skipSpaces();
  if (candidates < 1 || seats < 1 || !atLineEnd()) {
    const text = new TextDecoder().decode(bytes.subarray(pos, Math.min(len, pos + 40)));
    throw countingError('BLT_BAD_HEADER', {
      line: headerLine,
      reason:
        candidates < 1 || seats < 1
          ? 'two whole numbers of at least 1 are needed'
          : `unexpected "${text.split('\n')[0]}"`,
    });
  }
  if (candidates > MAX_CANDIDATES)
    throw countingError('BLT_BAD_HEADER', {
      line: headerLine,
      reason: `at most ${MAX_CANDIDATES} candidates are supported`,
    });
  endLine();

  // Withdrawn candidates: a line of negative numbers before the first ballot.
  const withdrawn: number[] = [];
  skipBlanks();
  if (pos < len && bytes[pos] === MINUS) {
    while (!atLineEnd()) {
      if (bytes[pos] !== MINUS)
        throw countingError('BLT_BAD_WITHDRAWN', {
          line,
          reason: 'withdrawn candidates are written as negative numbers',
        });
      pos++;
      const c = readNumber();
      if (c < 1 || c > candidates)
        throw countingError('BLT_BAD_WITHDRAWN', {
          line,
          reason: `there is no candidate ${c < 0 ? '' : c}`.trim(),
        });
      if (!withdrawn.includes(c - 1)) withdrawn.push(c - 1);
      skipSpaces();
    }
    endLine();
  }

  // Ballots.
  const builder = new PackedBuilder();
  const seenOnLine = new Int32Array(candidates).fill(-1);
  let ballotNo = 0;
  let ended = false;
  for (;;) {
    skipBlanks();
    if (pos >= len) break;
    const weight = readNumber();
    if (weight < 0)
      throw countingError('BLT_BAD_BALLOT', {
        line,
        reason: `it must start with a weight, not "${restOfLine().slice(0, 20)}"`,
      });
    if (pos < len && bytes[pos] === 46 /* . */)
      throw countingError('BLT_BAD_BALLOT', { line, reason: 'the weight must be a whole number' });
    skipSpaces();
    if (weight === 0) {
      if (atLineEnd()) {
        endLine();
        ended = true;
        break;
      }
      throw countingError('BLT_BAD_BALLOT', { line, reason: 'the weight must be at least 1' });
    }
    ballotNo++;
    let tiedNext = false;
    let closed = false;
    while (!atLineEnd()) {
      const b = bytes[pos] as number;
      if (b === MINUS) {
        pos++;
        skipSpaces();
        continue;
      }
      const c = readNumber();
      if (c < 0)
        throw countingError('BLT_BAD_BALLOT', {
          line,
          reason: `"${String.fromCharCode(b)}" is not a candidate number`,
        });
      if (c === 0) {
        if (tiedNext)
          throw countingError('BLT_BAD_BALLOT', { line, reason: '"=" must join two candidates' });
        skipSpaces();
        if (!atLineEnd())
          throw countingError('BLT_BAD_BALLOT', {
            line,
            reason: 'there is text after the closing 0',
          });
        closed = true;
        break;
      }
      if (c > candidates)
        throw countingError('BLT_BAD_BALLOT', { line, reason: `there is no candidate ${c}` });
      if (seenOnLine[c - 1] === ballotNo)
        throw countingError('BLT_BAD_BALLOT', { line, reason: `candidate ${c} is ranked twice` });
      seenOnLine[c - 1] = ballotNo;
      builder.mark(tiedNext ? (c - 1) | TIED_WITH_PREVIOUS : c - 1);
      tiedNext = false;
      if (pos < len && bytes[pos] === EQUALS) {
        pos++;
        tiedNext = true;
        continue;
      }
      skipSpaces();
    }
    if (!closed) {
      builder.discard();
      throw countingError('BLT_BAD_BALLOT', { line, reason: 'it does not end with 0' });
    }
    builder.close(weight);
    endLine();
  }
  if (!ended) throw countingError('BLT_NO_END_OF_BALLOTS', { line });

  // Names, then the title.
  const readItem = (): { text: string; line: number } | null => {
    skipBlanks();
    if (pos >= len) return null;
    const at = line;
    if (bytes[pos] === QUOTE) {
      pos++;
      const start = pos;
      while (pos < len && bytes[pos] !== QUOTE && bytes[pos] !== NL) pos++;
      if (pos >= len || bytes[pos] !== QUOTE)
        throw countingError('BLT_BAD_NAME', {
          line: at,
          reason: 'a quoted name has no closing quote',
        });
      const text = new TextDecoder().decode(bytes.subarray(start, pos));
      pos++;
      return { text, line: at };
    }
    return { text: restOfLine(), line: at };
  };
  const list: Candidate[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < candidates; i++) {
    const item = readItem();
    if (item === null) throw countingError('BLT_MISSING_NAMES', { line, expected: candidates });
    if (item.text === '')
      throw countingError('BLT_BAD_NAME', { line: item.line, reason: 'a name is empty' });
    if (seen.has(item.text))
      throw countingError('BLT_BAD_NAME', {
        line: item.line,
        reason: `"${item.text}" is named twice`,
      });
    seen.add(item.text);
    list.push({ id: item.text, name: item.text });
  }
  const title = readItem()?.text ?? '';
  skipBlanks();
  if (pos < len) {
    const at = line;
    throw countingError('BLT_TRAILING_TEXT', {
      line: at,
      reason: `"${restOfLine().slice(0, 40)}"`,
    });
  }
  return {
    kind: 'BallotProfile',
    title,
    candidates: list,
    seats,
    withdrawn: withdrawn.sort((a, b) => a - b),
    ballots: builder.build(),
  };
}

/** Quotes a name for `.blt`: the format has no escape, so a double quote becomes a single one. */
function quote(text: string): string {
  return `"${text.replace(/"/g, "'").replace(/[\r\n]+/g, ' ')}"`;
}

/**
 * Writes a profile as a `.blt` file with quoted names (ties as `=`, withdrawn
 * candidates on the line after the header), which `parseBlt` reads back to an equal
 * profile (names with a double quote or a line break are the exception: the format
 * cannot hold them, and they are written with ' and a space).
 */
export function writeBlt(profile: BallotProfile): string {
  const { lines, weights, offsets, marks } = profile.ballots;
  const out: string[] = [`${profile.candidates.length} ${profile.seats}`];
  if (profile.withdrawn.length > 0) out.push(profile.withdrawn.map((c) => `-${c + 1}`).join(' '));
  for (let i = 0; i < lines; i++) {
    let text = String(weights[i]);
    const stop = offsets[i + 1] as number;
    for (let j = offsets[i] as number; j < stop; j++) {
      const m = marks[j] as number;
      const c = (m & CANDIDATE_MASK) + 1;
      text += (m & TIED_WITH_PREVIOUS) !== 0 && j > (offsets[i] as number) ? `=${c}` : ` ${c}`;
    }
    out.push(`${text} 0`);
  }
  out.push('0');
  for (const c of profile.candidates) out.push(quote(c.name));
  out.push(quote(profile.title));
  return `${out.join('\n')}\n`;
}
