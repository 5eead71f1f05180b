import { formatMessage } from './define-errors.js';

/**
 * An expected failure with a stable catalogue code: bad input, a refusal by the rules,
 * a missing resource. Whoever catches it (HTTP, CLI) shows `code` and `message` and
 * never a stack trace. Anything that is not a SovietError is a bug.
 */
export class SovietError extends Error {
  override readonly name = 'SovietError';
  constructor(
    readonly code: string,
    template: string,
    readonly params: Readonly<Record<string, unknown>> = {},
  ) {
    super(formatMessage(template, params));
  }
}
