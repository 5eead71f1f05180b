import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64, hasControlCharacter, toHex } from './bytes.js';
import { type Ed25519, nobleEd25519 } from './ed25519.js';
import { nodeEd25519 } from './node-ed25519.js';
import {
  formatSignerKey,
  formatVerifierKey,
  generateNoteKey,
  type NoteVerifier,
  noteKeyId,
  parseSignerKey,
  parseVerifierKey,
} from './note-key.js';
import { openNote, parseNote, signNote } from './signed-note.js';
import { tesseraFile } from './testing/datasets.js';
import { TESSERA_SKEY, TESSERA_VKEY } from './testing/fixtures.js';

const text = (bytes: Uint8Array | null) => new TextDecoder().decode(bytes as Uint8Array);
const checkpoint15 = text(tesseraFile('checkpoint'));
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return 'no error';
};
const implementations: [string, Ed25519][] = [
  ['node:crypto', nodeEd25519],
  ['noble', nobleEd25519],
];

describe('signed-note keys', () => {
  it('reads the tessera verifier key and recomputes its published key ID', () => {
    const key = parseVerifierKey(TESSERA_VKEY);
    expect(key.name).toBe('example.com/log/testdata');
    expect(key.keyId.toString(16)).toBe('33d7b496');
    expect(noteKeyId(key.name, key.publicKey)).toBe(0x33d7b496);
    expect(formatVerifierKey(key)).toBe(TESSERA_VKEY);
    // The checkpoint's signature line carries the same ID in its first four bytes.
    const sig = fromBase64(checkpoint15.split(' ').at(-1)?.trim() ?? '') as Uint8Array;
    expect(toHex(sig.subarray(0, 4))).toBe('33d7b496');
  });

  it.each(implementations)('derives the tessera public key from its signing key (%s)', (_, ed) => {
    const signer = parseSignerKey(TESSERA_SKEY, ed);
    expect(signer.publicKey).toEqual(parseVerifierKey(TESSERA_VKEY).publicKey);
    expect(formatSignerKey(signer)).toBe(TESSERA_SKEY);
  });

  it('refuses malformed keys with RECORD_KEY_INVALID', () => {
    const bad = [
      'example.com/log/testdata+33d7b497+AeHTu4Q3hEIMHNqc6fASMsq3rKNx280NI+oO5xCFkkSx',
      'example.com/log/testdata+33D7B496+AeHTu4Q3hEIMHNqc6fASMsq3rKNx280NI+oO5xCFkkSx',
      'example.com/log/testdata+33d7b496+AuHTu4Q3hEIMHNqc6fASMsq3rKNx280NI+oO5xCFkkSx',
      'example.com/log/testdata+33d7b496+AeHTu4Q3hEIMHNqc6fASMsq3rKNx280NI+oO5xCFkk',
      'example.com/log/testdata+33d7b496',
      'two words+33d7b496+AeHTu4Q3hEIMHNqc6fASMsq3rKNx280NI+oO5xCFkkSx',
      '',
    ];
    for (const vkey of bad)
      expect(
        codeOf(() => parseVerifierKey(vkey)),
        vkey,
      ).toBe('RECORD_KEY_INVALID');
    expect(codeOf(() => parseSignerKey(TESSERA_SKEY.replace('PRIVATE+KEY', 'PRIVATE+KAY')))).toBe(
      'RECORD_KEY_INVALID',
    );
    expect(codeOf(() => parseSignerKey(TESSERA_SKEY.replace('33d7b496', '33d7b497')))).toBe(
      'RECORD_KEY_INVALID',
    );
    expect(codeOf(() => generateNoteKey('a+b', new Uint8Array(32)))).toBe('RECORD_KEY_INVALID');
    expect(codeOf(() => generateNoteKey('ok', new Uint8Array(31)))).toBe('RECORD_KEY_INVALID');
  });

  it('generates keys from the given random bytes, deterministically, and both libraries agree', () => {
    const seed = Uint8Array.from({ length: 32 }, (_, i) => i * 7);
    const a = generateNoteKey('soviet.example/org/tenants', seed, nodeEd25519);
    const b = generateNoteKey('soviet.example/org/tenants', seed, nobleEd25519);
    expect(a.vkey).toBe(b.vkey);
    expect(a.skey).toBe(b.skey);
    expect(parseVerifierKey(a.vkey)).toEqual(a.verifier);
    expect(parseSignerKey(a.skey, nodeEd25519)).toEqual(a.signer);
  });
});

describe('signed notes (C2SP signed-note v1.0.0)', () => {
  const tessera = parseVerifierKey(TESSERA_VKEY);

  it.each(implementations)(
    'opens all 16 tessera checkpoints, and signing reproduces them exactly (%s)',
    (_, ed) => {
      const signer = parseSignerKey(TESSERA_SKEY, ed);
      for (let n = 0; n <= 15; n++) {
        const note = text(tesseraFile(`checkpoint.${n}`));
        const opened = openNote(note, [tessera], ed);
        expect(opened.text.split('\n')[1]).toBe(String(n));
        expect(opened.verified).toHaveLength(1);
        // Ed25519 is deterministic (RFC 8032): the same key and text give the same note.
        expect(signNote(opened.text, [signer], ed)).toBe(note);
      }
    },
  );

  it.each(implementations)('rejects the wrong key, a wrong name and a forged key (%s)', (_, ed) => {
    const other = generateNoteKey(
      'example.com/log/testdata',
      new Uint8Array(32).fill(9),
      ed,
    ).verifier;
    expect(codeOf(() => openNote(checkpoint15, [other], ed))).toBe('RECORD_NOTE_UNSIGNED');
    const renamed = generateNoteKey(
      'example.com/log/other',
      new Uint8Array(32).fill(9),
      ed,
    ).verifier;
    expect(codeOf(() => openNote(checkpoint15, [renamed], ed))).toBe('RECORD_NOTE_UNSIGNED');
    // Same name and key ID as the real key but another public key: the signature is checked, and fails.
    const forged: NoteVerifier = { ...tessera, publicKey: other.publicKey };
    expect(codeOf(() => openNote(checkpoint15, [forged], ed))).toBe('RECORD_NOTE_BAD_SIGNATURE');
  });

  it.each(implementations)('rejects a modified text (%s)', (_, ed) => {
    const edits: [string, string][] = [
      ['\n15\n', '\n16\n'],
      ['example.com/log/testdata\n15', 'example.com/log/testdatb\n15'],
      ['=\n\n', '=\nextension\n\n'],
      ['\n15\n', '\n15 \n'],
      ['\n15\n', '\n015\n'],
    ];
    for (const [from, to] of edits) {
      const note = checkpoint15.replace(from, to);
      expect(note).not.toBe(checkpoint15);
      expect(
        codeOf(() => openNote(note, [tessera], ed)),
        to,
      ).toBe('RECORD_NOTE_BAD_SIGNATURE');
    }
  });

  it('rejects extra whitespace, a missing final newline and other syntax errors as malformed', () => {
    const sigLine = checkpoint15.slice(checkpoint15.indexOf('—'));
    const malformed = [
      checkpoint15.slice(0, -1),
      checkpoint15.replace(/\n$/, ' \n'),
      checkpoint15.replace('— example.com/log/testdata ', '— example.com/log/testdata  '),
      checkpoint15.replace('— ', '—  '),
      checkpoint15.replace('— ', '- '),
      checkpoint15.replace('\n\n—', '\n—'),
      checkpoint15.replaceAll('\n', '\r\n'),
      checkpoint15.replace('M9e0', 'M9e0\t'),
      `${checkpoint15}\n`,
      checkpoint15.replace(sigLine, `${sigLine}— example.com/log/testdata\n`),
      checkpoint15.replace(sigLine, `${sigLine}— bad+name AAAAAAA=\n`),
      checkpoint15.replace(sigLine, `${sigLine}— short AAAA\n`),
      checkpoint15.replace(sigLine, ''),
    ];
    for (const note of malformed) {
      expect(
        codeOf(() => openNote(note, [tessera], nodeEd25519)),
        JSON.stringify(note),
      ).toBe('RECORD_NOTE_INVALID');
    }
    expect(codeOf(() => parseNote(Uint8Array.of(0x61, 0x0a, 0x0a, 0xff)))).toBe(
      'RECORD_NOTE_INVALID',
    );
  });

  it('keeps the signatures of other keys, ignores unknown ones and checks every known one', () => {
    const keys = [1, 2, 3].map((fill) =>
      generateNoteKey(`witness${fill}.example`, new Uint8Array(32).fill(fill), nodeEd25519),
    );
    const body = 'example.com/log\n3\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n';
    const note = signNote(
      body,
      keys.map((k) => k.signer),
      nodeEd25519,
    );
    expect(parseNote(note).signatures.map((s) => s.name)).toEqual([
      'witness1.example',
      'witness2.example',
      'witness3.example',
    ]);
    expect(
      openNote(note, [keys[1]?.verifier as NoteVerifier], nodeEd25519).verified.map((s) => s.name),
    ).toEqual(['witness2.example']);
    expect(
      openNote(note, [keys[0]?.verifier as NoteVerifier, keys[2]?.verifier as NoteVerifier])
        .verified,
    ).toHaveLength(2);
    // A repeated identical line counts once; a bad signature by a known key rejects the note.
    const lines = note.split('\n');
    const doubled = `${note}${lines[4]}\n`;
    expect(openNote(doubled, [keys[0]?.verifier as NoteVerifier]).verified).toHaveLength(1);
    const badSig = (lines[5] as string).replace(
      /.(.)=$/,
      (_, c: string) => `${c === 'A' ? 'B' : 'A'}${c}=`,
    );
    const tampered = note.replace(lines[5] as string, badSig);
    expect(
      codeOf(() =>
        openNote(tampered, [keys[0]?.verifier as NoteVerifier, keys[1]?.verifier as NoteVerifier]),
      ),
    ).toBe('RECORD_NOTE_BAD_SIGNATURE');
    expect(openNote(tampered, [keys[0]?.verifier as NoteVerifier]).verified).toHaveLength(1);
  });

  it('refuses to sign texts a note cannot carry', () => {
    const { signer } = generateNoteKey('a.example', new Uint8Array(32).fill(5));
    for (const bad of ['no newline', 'ends blank\n\n', 'tab\there\n', '\n']) {
      expect(codeOf(() => signNote(bad, [signer]))).toBe('RECORD_NOTE_INVALID');
    }
    expect(codeOf(() => signNote('ok\n', []))).toBe('RECORD_NOTE_INVALID');
  });

  it('round-trips any text, with node:crypto signing and noble verifying and the reverse', () => {
    const { signer, verifier } = generateNoteKey(
      'rt.example',
      new Uint8Array(32).fill(3),
      nodeEd25519,
    );
    const line = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
      .filter((s) => !hasControlCharacter(s));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), (lines) => {
        const body = `${lines.join('\n')}\n`;
        expect(openNote(signNote(body, [signer], nodeEd25519), [verifier], nobleEd25519).text).toBe(
          body,
        );
        expect(openNote(signNote(body, [signer], nobleEd25519), [verifier], nodeEd25519).text).toBe(
          body,
        );
      }),
      { numRuns: 30 },
    );
  });
});
