import { describe, expect, it } from 'vitest';
import { readLoggedEvents } from '../../src/democracy/audit/index.js';
import { type EntryEnvelope, encodeEntry } from '../../src/record/entry.js';
import { makeBlob } from '../../src/store/large-entry.js';

/**
 * The events of a verified log read from its entries' bytes (democracy/audit/
 * logged-events.ts), as the CLI and the browser recount them: each entry must be at its
 * index, name its event's actor, and a blob must be the data its entry logs by SHA-256.
 */
const joined = {
  memberId: 'm1',
  nameCommitment: 'ab'.repeat(32),
  councilId: 'c2',
  invitationId: null,
  at: 1,
};
const entry = (over: Partial<EntryEnvelope>): Uint8Array =>
  encodeEntry({
    v: 2,
    seq: 0,
    time: '2026-01-05T09:00:00.000Z',
    type: 'MemberJoined',
    actor: 'system',
    data: joined,
    ...over,
  });
const noBlobs = async () => {
  throw new Error('no blob expected');
};

describe('reading the events of a log', () => {
  it('gives each entry’s public event, its data read from a blob when logged by SHA-256', async () => {
    const { ref, content } = makeBlob({ ...joined, memberId: 'm2' });
    const read = await readLoggedEvents(
      [
        { index: 0, bytes: entry({}) },
        { index: 1, bytes: entry({ seq: 1, data: { $blob: { ...ref } } }) },
      ],
      async () => content,
    );
    expect(read.blobs).toBe(1);
    expect(read.events.map((e) => e.kind === 'MemberJoined' && e.memberId)).toEqual(['m1', 'm2']);
  });

  it('refuses an entry out of place, one whose actor is not its event’s, and a wrong blob', async () => {
    await expect(readLoggedEvents([{ index: 3, bytes: entry({}) }], noBlobs)).rejects.toMatchObject(
      {
        code: 'VERIFY_REPLAY_INVALID',
        message: 'Entry 3 cannot be replayed as a Soviet event: its seq is 0, not its index.',
      },
    );
    const claimed = entry({
      type: 'MemberLeft',
      actor: 'm9',
      data: { at: 1, by: 'm1', memberId: 'm1' },
    });
    await expect(readLoggedEvents([{ index: 0, bytes: claimed }], noBlobs)).rejects.toMatchObject({
      code: 'VERIFY_REPLAY_INVALID',
      message: 'Entry 0 cannot be replayed as a Soviet event: its actor is m9, not m1.',
    });
    const { ref } = makeBlob(joined);
    const logged = entry({ data: { $blob: { ...ref } } });
    await expect(
      readLoggedEvents([{ index: 0, bytes: logged }], async () => new TextEncoder().encode('{}')),
    ).rejects.toMatchObject({ code: 'VERIFY_BLOB_MISMATCH' });
  });
});
