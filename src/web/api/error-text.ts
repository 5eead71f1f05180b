import { ApiError, BAD_RESPONSE, NETWORK } from './api-error.js';

/** What `errorText` needs from i18n: a raw sentence by key, and the formatting of one. */
export interface MessageSource {
  /** The untranslated template of `key` in the current language, or undefined. */
  raw(key: string): string | undefined;
  /** The template of `key` with `{placeholders}` filled. */
  format(key: string, params: Readonly<Record<string, unknown>>): string;
  /** The English template of `key` (the catalogue's sentence), to read values back from. */
  english?(key: string): string | undefined;
}

/** A failure to show a member: the sentence, and a reference to quote when it is a bug. */
export interface ErrorText {
  readonly code: string;
  readonly message: string;
  readonly requestId?: string;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * The values of a sentence's placeholders, read back from the sentence the server wrote
 * with them (`There is no motion {motionId}.` and `There is no motion mo7.` →
 * `{ motionId: 'mo7' }`), or undefined when it does not follow the template. The server
 * answers the filled English sentence without its values; this lets the member's
 * language carry them.
 */
export function paramsFromMessage(
  template: string,
  message: string,
): Record<string, string> | undefined {
  const names: string[] = [];
  const pattern = template
    .split(PLACEHOLDER)
    .map((part, i) => {
      if (i % 2 === 1) {
        names.push(part);
        return '([\\s\\S]+?)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  const match = new RegExp(`^${pattern}$`).exec(message);
  if (!match) return undefined;
  const out: Record<string, string> = {};
  for (const [i, name] of names.entries()) {
    const value = match[i + 1] as string;
    if (out[name] !== undefined && out[name] !== value) return undefined;
    out[name] = value;
  }
  return out;
}

/** The `{placeholders}` of a sentence. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

interface Coded {
  readonly code: string;
  readonly message: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

function isCoded(error: unknown): error is Coded {
  if (!(error instanceof Error)) return false;
  const code: unknown = (error as Error & { code?: unknown }).code;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]*$/.test(code);
}

/**
 * The sentence to show a member for any failure (issue 6: "clear messages for every
 * refusal from the API, the catalogue's sentences, translated; never a raw error"):
 *
 * - a catalogue code (from the API, or a SovietError thrown by the pure core running in
 *   the browser): its sentence in the member's language when `errors.<CODE>` is
 *   translated and every placeholder it uses has a value; otherwise the sentence the
 *   server (or the core) wrote, which is the catalogue's English;
 * - no answer from the server: `problems.network`; a malformed answer:
 *   `problems.badResponse`;
 * - anything else (a bug): `problems.unexpected`, never the raw text.
 */
export function errorText(error: unknown, messages: MessageSource): ErrorText {
  if (error instanceof ApiError && error.code === NETWORK) {
    return { code: NETWORK, message: messages.format('problems.network', {}) };
  }
  if (error instanceof ApiError && error.code === BAD_RESPONSE) {
    return {
      code: BAD_RESPONSE,
      message: messages.format('problems.badResponse', { status: error.status }),
    };
  }
  if (isCoded(error)) {
    const requestId = error instanceof ApiError ? error.requestId : undefined;
    const params: Record<string, unknown> = { ...(error.params ?? {}) };
    if (requestId !== undefined) params.requestId ??= requestId;
    const key = `errors.${error.code}`;
    const english = messages.english?.(key);
    if (english !== undefined) {
      for (const [name, value] of Object.entries(paramsFromMessage(english, error.message) ?? {}))
        params[name] ??= value;
    }
    const template = messages.raw(key);
    const filled =
      template !== undefined && placeholders(template).every((name) => params[name] !== undefined);
    const message = filled ? messages.format(key, params) : error.message;
    return requestId === undefined
      ? { code: error.code, message }
      : { code: error.code, message, requestId };
  }
  return { code: 'UNEXPECTED', message: messages.format('problems.unexpected', {}) };
}
