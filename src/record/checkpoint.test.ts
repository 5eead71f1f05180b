import { describe, expect, it } from 'vitest';
import { toBase64, utf8 } from './bytes.js';
import { formatCheckpoint, openCheckpoint, parseCheckpoint, signCheckpoint } from './checkpoint.js';
import { nodeEd25519 } from './node-ed25519.js';
import { nodeTreeHasher } from './node-tree-hasher.js';
import { generateNoteKey, parseVerifierKey } from './note-key.js';
import { referenceRoot } from './reference-tree.js';
import { parseNote } from './signed-note.js';
import { tesseraFile } from './testing/datasets.js';
import { TESSERA_ENTRIES, TESSERA_ORIGIN, TESSERA_VKEY } from './testing/fixtures.js';

const text = (bytes: Uint8Array | null) => new TextDecoder().decode(bytes as Uint8Array);
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return 'no error';
};

describe('tlog-checkpoint', () => {
  it('reads every tessera checkpoint: origin, size, and the RFC 6962 root of the entries', () => {
    const leaves = TESSERA_ENTRIES.map((e) => nodeTreeHasher.hashLeaf(utf8(e)));
    const key = parseVerifierKey(TESSERA_VKEY);
    for (let n = 0; n <= 15; n++) {
      const note = text(tesseraFile(`checkpoint.${n}`));
      const { checkpoint, text: body } = openCheckpoint(note, key, nodeEd25519, TESSERA_ORIGIN);
      expect(checkpoint.origin).toBe(TESSERA_ORIGIN);
      expect(checkpoint.size).toBe(n);
      expect(checkpoint.rootHash).toEqual(referenceRoot(leaves.slice(0, n), nodeTreeHasher));
      expect(checkpoint.extensions).toEqual([]);
      expect(formatCheckpoint(checkpoint)).toBe(body);
    }
  });

  it('refuses a checkpoint for another origin', () => {
    const note = text(tesseraFile('checkpoint'));
    expect(() =>
      openCheckpoint(note, parseVerifierKey(TESSERA_VKEY), nodeEd25519, 'example.com/other'),
    ).toThrowError(/for the log "example.com\/log\/testdata", not "example.com\/other"/);
  });

  it('keeps extension lines', () => {
    const root = new Uint8Array(32).fill(1);
    const body = `a.example/log\n12\n${toBase64(root)}\nfirst extension\nsecond\n`;
    const parsed = parseCheckpoint(body);
    expect(parsed.extensions).toEqual(['first extension', 'second']);
    expect(formatCheckpoint(parsed)).toBe(body);
  });

  it('parses strictly', () => {
    const root = toBase64(new Uint8Array(32).fill(2));
    const bad = [
      `a.example/log\n12\n${root}`,
      `a.example/log\n12\n`,
      `\n12\n${root}\n`,
      `a.example/log\n012\n${root}\n`,
      `a.example/log\n+12\n${root}\n`,
      `a.example/log\n 12\n${root}\n`,
      `a.example/log\n1e3\n${root}\n`,
      `a.example/log\n99999999999999999999\n${root}\n`,
      `a.example/log\n12\n${root.slice(0, -4)}\n`,
      `a.example/log\n12\n${root.replace('=', '')}\n`,
      `a.example/log\n12\n${root.replace('I=', 'J=')}\n`,
      `a.example/log\n12\n${root}\n\nextension\n`,
    ];
    for (const body of bad)
      expect(
        codeOf(() => parseCheckpoint(body)),
        JSON.stringify(body),
      ).toBe('RECORD_CHECKPOINT_INVALID');
    expect(parseCheckpoint(`a.example/log\n0\n${root}\n`).size).toBe(0);
  });

  it('formats only what it could parse back', () => {
    const rootHash = new Uint8Array(32);
    expect(codeOf(() => formatCheckpoint({ origin: '', size: 1, rootHash, extensions: [] }))).toBe(
      'RECORD_CHECKPOINT_INVALID',
    );
    expect(
      codeOf(() => formatCheckpoint({ origin: 'a\nb', size: 1, rootHash, extensions: [] })),
    ).toBe('RECORD_CHECKPOINT_INVALID');
    expect(
      codeOf(() => formatCheckpoint({ origin: 'a', size: -1, rootHash, extensions: [] })),
    ).toBe('RECORD_CHECKPOINT_INVALID');
    expect(
      codeOf(() =>
        formatCheckpoint({ origin: 'a', size: 1, rootHash: new Uint8Array(31), extensions: [] }),
      ),
    ).toBe('RECORD_CHECKPOINT_INVALID');
    expect(
      codeOf(() => formatCheckpoint({ origin: 'a', size: 1, rootHash, extensions: [''] })),
    ).toBe('RECORD_CHECKPOINT_INVALID');
  });

  it('signs checkpoints that open with the verifier key', () => {
    const { signer, verifier } = generateNoteKey(
      'soviet.example/tenants',
      new Uint8Array(32).fill(4),
      nodeEd25519,
    );
    const checkpoint = {
      origin: 'soviet.example/tenants',
      size: 3,
      rootHash: new Uint8Array(32).fill(8),
      extensions: [],
    };
    const note = signCheckpoint(checkpoint, [signer], nodeEd25519);
    expect(parseNote(note).signatures[0]?.keyId).toBe(verifier.keyId);
    expect(
      openCheckpoint(note, verifier, nodeEd25519, 'soviet.example/tenants').checkpoint,
    ).toEqual(checkpoint);
  });
});
