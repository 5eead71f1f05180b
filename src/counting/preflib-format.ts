import { countingError } from './errors.js';
import { PackedBuilder } from './packed-builder.js';
import {
  type BallotProfile,
  type Candidate,
  MAX_CANDIDATES,
  TIED_WITH_PREVIOUS,
} from './profile.js';

/** PrefLib file kinds read here: strict or tied, incomplete or complete orders. */
export type PreflibFormat = 'soi' | 'toi' | 'soc' | 'toc';

/**
 * Reads a PrefLib 2022 `.soi`/`.toi` (also `.soc`/`.toc`) file: header lines
 * `# KEY: value` (`# NUMBER ALTERNATIVES: n` is required; `# ALTERNATIVE NAME i: name`
 * names the alternatives, else they are called by number; `# TITLE:` becomes the title),
 * then one line per distinct order, `count: a,b,{c,d},e`, alternatives numbered from 1,
 * a braced group being equally ranked. Unranked alternatives come below all ranked ones.
 * The profile has one seat (PrefLib does not say).
 *
 * Refuses a malformed file with a SovietError whose `params.line` is the 1-based line:
 * BALLOT_FILE_EMPTY, PREFLIB_BAD_HEADER, PREFLIB_NO_ALTERNATIVES, PREFLIB_BAD_ORDER.
 */
export function parsePreflib(input: Uint8Array | string): BallotProfile {
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  const rows = text.split('\n');
  let n = -1;
  let title = '';
  const names = new Map<number, string>();
  const builder = new PackedBuilder();
  let sawAny = false;
  const seen: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const line = i + 1;
    const row = (rows[i] as string).replace(/\r$/, '').trim();
    if (row === '') continue;
    sawAny = true;
    if (row.startsWith('#')) {
      const m = /^#\s*([A-Z][A-Z ]*[A-Z]|[A-Z])\s*(\d+)?\s*:\s?(.*)$/.exec(row);
      if (!m)
        throw countingError('PREFLIB_BAD_HEADER', {
          line,
          reason: `"${row.slice(0, 40)}" is not "# KEY: value"`,
        });
      const key = m[1] as string;
      const value = (m[3] as string).trim();
      if (key === 'NUMBER ALTERNATIVES') {
        if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_CANDIDATES)
          throw countingError('PREFLIB_BAD_HEADER', {
            line,
            reason: `"${value}" is not a number of alternatives`,
          });
        n = Number(value);
      } else if (key === 'ALTERNATIVE NAME') {
        const k = Number(m[2]);
        if (!m[2] || k < 1)
          throw countingError('PREFLIB_BAD_HEADER', {
            line,
            reason: 'the alternative has no number',
          });
        names.set(k, value);
      } else if (key === 'TITLE') title = value;
      continue;
    }
    if (n < 0) throw countingError('PREFLIB_NO_ALTERNATIVES');
    const colon = row.indexOf(':');
    const countText = colon < 0 ? '' : row.slice(0, colon).trim();
    if (!/^\d+$/.test(countText) || Number(countText) < 1)
      throw countingError('PREFLIB_BAD_ORDER', {
        line,
        reason: 'it must start with a count of at least 1 and a colon',
      });
    const body = row.slice(colon + 1).replace(/\s+/g, '');
    seen.length = 0;
    let j = 0;
    let group = false;
    let groupFirst = false;
    while (j < body.length) {
      const ch = body[j] as string;
      if (ch === '{') {
        if (group) throw countingError('PREFLIB_BAD_ORDER', { line, reason: 'braces cannot nest' });
        group = true;
        groupFirst = true;
        j++;
        continue;
      }
      const m = /^\d+/.exec(body.slice(j, j + 8));
      if (!m) throw countingError('PREFLIB_BAD_ORDER', { line, reason: `unexpected "${ch}"` });
      const a = Number(m[0]);
      if (a < 1 || a > n)
        throw countingError('PREFLIB_BAD_ORDER', { line, reason: `there is no alternative ${a}` });
      if (seen.includes(a))
        throw countingError('PREFLIB_BAD_ORDER', {
          line,
          reason: `alternative ${a} is ranked twice`,
        });
      seen.push(a);
      builder.mark(group && !groupFirst ? (a - 1) | TIED_WITH_PREVIOUS : a - 1);
      groupFirst = false;
      j += m[0].length;
      if (group && body[j] === '}') {
        group = false;
        j++;
      }
      if (j < body.length) {
        if (body[j] !== ',')
          throw countingError('PREFLIB_BAD_ORDER', { line, reason: `expected "," after ${a}` });
        j++;
        if (j === body.length)
          throw countingError('PREFLIB_BAD_ORDER', { line, reason: 'it ends with ","' });
      }
    }
    if (group) {
      builder.discard();
      throw countingError('PREFLIB_BAD_ORDER', { line, reason: 'a "{" is not closed' });
    }
    builder.close(Number(countText));
  }
  if (!sawAny) throw countingError('BALLOT_FILE_EMPTY');
  if (n < 0) throw countingError('PREFLIB_NO_ALTERNATIVES');
  const candidates: Candidate[] = [];
  const used = new Set<string>();
  for (let k = 1; k <= n; k++) {
    let name = names.get(k) ?? String(k);
    if (used.has(name)) name = `${name} (${k})`;
    used.add(name);
    candidates.push({ id: name, name });
  }
  return {
    kind: 'BallotProfile',
    title,
    candidates,
    seats: 1,
    withdrawn: [],
    ballots: builder.build(),
  };
}
