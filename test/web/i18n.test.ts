import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { countingErrors } from '../../src/counting/errors.js';
import { catalogue } from '../../src/errors/catalogue.js';
import { commonErrors } from '../../src/errors/common-errors.js';
import { placeholders } from '../../src/web/api/error-text.js';
import { LANGUAGES, loadStrings, pickLanguage } from '../../src/web/i18n/languages.js';
import { de } from '../../src/web/i18n/locales/de.js';
import { en as enStrings } from '../../src/web/i18n/locales/en.js';
import { es } from '../../src/web/i18n/locales/es.js';
import { ru } from '../../src/web/i18n/locales/ru.js';

type Tree = { readonly [key: string]: string | Tree };

const resources = {
  en: { translation: enStrings },
  es: { translation: es },
  de: { translation: de },
  ru: { translation: ru },
};

/** Every leaf of a resource tree, as `a.b.c` → string. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
/** A key without its plural suffix, and the suffix. */
const split = (key: string): [string, string | undefined] => {
  const m = PLURAL.exec(key);
  return m ? [key.slice(0, m.index), m[1]] : [key, undefined];
};

/** Base key → the plural forms it has (empty set for a plain key). */
function keyForms(tree: Tree): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const key of leaves(tree).keys()) {
    const [base, form] = split(key);
    const forms = out.get(base) ?? new Set<string>();
    if (form) forms.add(form);
    out.set(base, forms);
  }
  return out;
}

const en = resources.en.translation as unknown as Tree;
const english = leaves(en);
const englishKeys = keyForms(en);

describe('translations', () => {
  it('offers English, Spanish, German and Russian, and loads each one', async () => {
    expect(LANGUAGES.map((l) => l.code)).toEqual(['en', 'es', 'de', 'ru']);
    for (const { code } of LANGUAGES) {
      expect(await loadStrings(code)).toBe(resources[code].translation);
    }
  });

  for (const { code } of LANGUAGES) {
    const tree = resources[code].translation as unknown as Tree;
    const strings = leaves(tree);
    const forms = keyForms(tree);
    const needed = new Intl.PluralRules(code).resolvedOptions().pluralCategories;

    it(`${code}: has every key of English, no other, and each plural form ${code} needs`, () => {
      expect([...forms.keys()].sort()).toEqual([...englishKeys.keys()].sort());
      for (const [base, englishForms] of englishKeys) {
        const have = forms.get(base) ?? new Set();
        if (englishForms.size === 0) expect(have.size, base).toBe(0);
        else expect([...have].sort(), base).toEqual([...needed].sort());
      }
    });

    it(`${code}: every string is non-empty and uses only placeholders English offers`, () => {
      for (const [key, text] of strings) {
        expect(text.trim().length, key).toBeGreaterThan(0);
        const [base] = split(key);
        const source = english.get(key) ?? english.get(`${base}_other`) ?? english.get(base) ?? '';
        const offered = new Set(placeholders(source));
        // Plural sentences may leave {count} out ("one seat" is said in words).
        if (split(key)[1]) offered.add('count');
        for (const name of placeholders(text))
          expect(offered.has(name), `${key}: {${name}}`).toBe(true);
      }
    });

    it(`${code}: translates every error code it lists from the catalogue, placeholders included`, () => {
      const errors = (tree.errors ?? {}) as Tree;
      expect(Object.keys(errors).sort()).toEqual(Object.keys(en.errors as Tree).sort());
      for (const [errorCode, sentence] of Object.entries(errors)) {
        const spec = catalogue[errorCode];
        expect(spec, errorCode).toBeDefined();
        const allowed = new Set(placeholders(spec?.message ?? ''));
        for (const name of placeholders(sentence as string)) {
          expect(allowed.has(name), `${errorCode}: {${name}}`).toBe(true);
        }
      }
    });
  }

  it("English error sentences are the catalogue's, word for word", () => {
    for (const [errorCode, sentence] of Object.entries(en.errors as Tree)) {
      expect(sentence, errorCode).toBe(catalogue[errorCode]?.message);
    }
  });

  it('covers every code the browser itself can raise (counting, common)', () => {
    const browserCodes = [...Object.keys(countingErrors), ...Object.keys(commonErrors)].filter(
      // The CLI reads files; the browser gets bytes from the file picker.
      (c) => c !== 'COUNT_FILE_UNREADABLE',
    );
    for (const c of browserCodes) expect(Object.keys(en.errors as Tree), c).toContain(c);
  });
});

describe('i18next with these resources', () => {
  const make = async (lng: string) => {
    const instance = i18next.createInstance();
    await instance.init({
      resources,
      lng,
      fallbackLng: 'en',
      interpolation: { prefix: '{', suffix: '}', escapeValue: false },
    });
    return instance.t as unknown as (key: string, options?: Record<string, unknown>) => string;
  };

  it('fills {placeholders} and picks Russian plural forms by number', async () => {
    const t = await make('ru');
    expect(t('practice.boxCount', { count: 1 })).toBe('В урне 1 тренировочный бюллетень.');
    expect(t('practice.boxCount', { count: 3 })).toBe('В урне 3 тренировочных бюллетеня.');
    expect(t('practice.boxCount', { count: 5 })).toBe('В урне 5 тренировочных бюллетеней.');
    expect(t('practice.boxCount', { count: 21 })).toBe('В урне 21 тренировочный бюллетень.');
    expect(t('ballot.handleLabel', { name: 'Ann', rank: 2, of: 3 })).toBe(
      'Ann, место 2 из 3. Переместить',
    );
  });

  it('uses Spanish and German plural forms', async () => {
    const es = await make('es');
    expect(es('count.seatsUnfilled', { count: 1 })).toMatch(/^Queda 1 puesto/);
    expect(es('count.seatsUnfilled', { count: 2 })).toMatch(/^Quedan 2 puestos/);
    const de = await make('de');
    expect(de('practice.boxCount', { count: 2 })).toBe('In der Urne liegen 2 Übungsstimmzettel.');
  });
});

describe('the default language', () => {
  it("is the browser's first preferred language that the interface speaks", () => {
    expect(pickLanguage(['de-AT', 'en'])).toBe('de');
    expect(pickLanguage(['fr-FR', 'es-419', 'en'])).toBe('es');
    expect(pickLanguage(['RU'])).toBe('ru');
    expect(pickLanguage(['fr', 'it'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });
});
