import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/errors/catalogue.js';
import { formatMessage } from '../../src/errors/define-errors.js';
import { ApiError } from '../../src/web/api/api-error.js';
import { errorText, paramsFromMessage } from '../../src/web/api/error-text.js';
import { de } from '../../src/web/i18n/locales/de.js';
import { en } from '../../src/web/i18n/locales/en.js';

describe('paramsFromMessage', () => {
  it('reads back the values the server filled into a catalogue sentence', () => {
    expect(paramsFromMessage('There is no motion {motionId}.', 'There is no motion mo7.')).toEqual({
      motionId: 'mo7',
    });
    expect(
      paramsFromMessage(
        'The motion is at stage "{phase}": you cannot {action} now.',
        'The motion is at stage "voting": you cannot amend it now.',
      ),
    ).toEqual({ phase: 'voting', action: 'amend it' });
  });

  it('answers nothing for a sentence that does not follow the template', () => {
    expect(paramsFromMessage('There is no motion {motionId}.', 'Something else.')).toBeUndefined();
  });

  it('recovers values that make the same sentence, for every catalogue code the app translates', () => {
    const codes = Object.keys(en.errors).filter((c) => /\{\w+\}/.test(catalogue[c]?.message ?? ''));
    const value = fc.stringMatching(/^[A-Za-z0-9 _-]{1,12}$/);
    fc.assert(
      fc.property(
        fc.constantFrom(...codes),
        fc.array(value, { minLength: 8, maxLength: 8 }),
        (code, values) => {
          const template = catalogue[code]?.message as string;
          const names = [
            ...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string)),
          ];
          const params = Object.fromEntries(names.map((n, i) => [n, values[i % values.length]]));
          const message = formatMessage(template, params);
          const back = paramsFromMessage(template, message);
          // Not always the same values (a lazy match may split differently), but always
          // values that fill the template back into the very same sentence.
          expect(back).toBeDefined();
          expect(formatMessage(template, back ?? {})).toBe(message);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('errorText in another language', () => {
  it('fills the translated sentence with the values of the English one the server sent', () => {
    const source = {
      raw: (key: string) => {
        const v = key.split('.').reduce<unknown>((t, k) => (t as Record<string, unknown>)?.[k], de);
        return typeof v === 'string' ? v : undefined;
      },
      format: (key: string, params: Readonly<Record<string, unknown>>) =>
        formatMessage(source.raw(key) ?? key, params),
      english: (key: string) => {
        const v = key.split('.').reduce<unknown>((t, k) => (t as Record<string, unknown>)?.[k], en);
        return typeof v === 'string' ? v : undefined;
      },
    };
    const error = new ApiError(404, 'MOTION_UNKNOWN', 'There is no motion mo7.', 'req-1');
    expect(errorText(error, source)).toEqual({
      code: 'MOTION_UNKNOWN',
      message: 'Es gibt keinen Antrag mo7.',
      requestId: 'req-1',
    });
  });
});
