import canonicalize from 'canonicalize';
import { hasLoneSurrogate, utf8 } from './bytes.js';
import { recordError } from './errors.js';

/** A value that JSON can carry exactly: what may go into a record entry. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

export type JsonObject = { readonly [key: string]: JsonValue };

/**
 * The RFC 8785 (JCS) canonical JSON text of a value: object members sorted by the
 * UTF-16 code units of their names (§3.2.3), numbers as ECMAScript writes them (§3.2.2.3),
 * strings with only the escapes JSON requires (§3.2.2.2), no whitespace.
 *
 * Stricter than `JSON.stringify`: anything that JSON cannot carry exactly is refused with
 * RECORD_NOT_JSON naming where it is, instead of being dropped or changed silently —
 * `undefined`, functions, symbols, bigints, NaN and infinities, lone surrogates, objects
 * that are not plain (Date, Map, class instances), and cycles.
 */
export function canonicalJson(value: JsonValue): string {
  assertPlainJson(value, '$', new Set());
  const text = canonicalize(value);
  // canonicalize returns undefined only for undefined input, which assertPlainJson refuses.
  if (text === undefined) throw recordError('RECORD_NOT_JSON', { path: '$', reason: 'no value' });
  return text;
}

/** The UTF-8 bytes of {@link canonicalJson}: what is hashed and signed. */
export function canonicalJsonBytes(value: JsonValue): Uint8Array {
  return utf8(canonicalJson(value));
}

function assertPlainJson(value: unknown, path: string, ancestors: Set<object>): void {
  const fail = (reason: string) => recordError('RECORD_NOT_JSON', { path, reason });
  switch (typeof value) {
    case 'boolean':
      return;
    case 'string':
      if (hasLoneSurrogate(value)) throw fail('the text holds a lone UTF-16 surrogate');
      return;
    case 'number':
      if (!Number.isFinite(value)) throw fail(`${value} is not a JSON number`);
      return;
    case 'object': {
      if (value === null) return;
      if (ancestors.has(value)) throw fail('the value contains itself');
      ancestors.add(value);
      if (Array.isArray(value)) {
        for (const [i, item] of value.entries()) assertPlainJson(item, `${path}[${i}]`, ancestors);
      } else {
        const proto = Object.getPrototypeOf(value);
        if (proto !== Object.prototype && proto !== null) {
          throw fail(`a ${proto?.constructor?.name ?? 'special'} object is not plain JSON`);
        }
        for (const [key, item] of Object.entries(value)) {
          if (hasLoneSurrogate(key)) throw fail(`the name "${key}" holds a lone surrogate`);
          assertPlainJson(item, `${path}.${key}`, ancestors);
        }
      }
      ancestors.delete(value);
      return;
    }
    default:
      throw fail(value === undefined ? 'undefined is not JSON' : `a ${typeof value} is not JSON`);
  }
}
