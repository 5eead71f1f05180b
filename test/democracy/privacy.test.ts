import { describe, expect, it } from 'vitest';
import {
  commitmentOf,
  type DemocracyEvent,
  envelopeOf,
  liveGrantOf,
  opens,
  readToken,
  tokenHashOf,
} from '../../src/democracy/index.js';
import { books, income } from './treasury-world.js';
import { congressWithDelegates, electAll, TREE, World } from './world.js';

/**
 * Members' privacy (docs/design/rules.md, "Members' privacy"; docs/design/record.md,
 * "Personal data" and "Who may read the record"), in the pure core.
 */

const publicText = (e: DemocracyEvent) => JSON.stringify(envelopeOf(e).data);

/** The congress's only delegate proposes and carries a motion (a body of one needs no seconder). */
function carry(w: World, delegate: string, rootId: string, body: unknown, entropy?: string) {
  const proposed = w
    .run(
      delegate,
      {
        kind: 'ProposeMotion',
        councilId: rootId,
        title: 'Read access',
        text: 'The auditors read our record.',
        body: body as never,
      },
      entropy,
    )
    .find((e) => e.kind === 'MotionProposed');
  if (proposed?.kind !== 'MotionProposed') throw new Error('not proposed');
  const id = proposed.motionId;
  w.tick(w.state.motions.get(id)?.debateClosesAt as number);
  w.run(delegate, { kind: 'CastMotionVote', motionId: id, choice: 'yes' });
  w.tick(w.state.motions.get(id)?.voteClosesAt as number);
  return id;
}

describe('No personal data in clear on the log: a name is only a salted commitment', () => {
  it('a member joins under a commitment that the directory’s salt and name open', () => {
    const w = new World();
    w.found(TREE, 'Docks', 'Rosa Okafor');
    const id = w.join('m1', 'Bruno Quillfeather');
    const joins = w.log.filter((e) => e.kind === 'MemberJoined');
    expect(joins).toHaveLength(2);
    for (const e of joins) {
      if (e.kind !== 'MemberJoined') continue;
      const [fact] = e.personal ?? [];
      expect(fact?.subject).toBe(e.memberId);
      expect(opens(e.nameCommitment, fact?.salt as string, fact?.value as string)).toBe(true);
      expect(publicText(e)).not.toContain(fact?.value as string);
      expect(publicText(e)).not.toContain(fact?.salt as string);
    }
    expect(w.state.members.get(id)).not.toHaveProperty('name');
    // Nothing on the public record names anyone.
    const everything = w.log.map(publicText).join('\n');
    for (const word of ['Rosa', 'Okafor', 'Bruno', 'Quillfeather'])
      expect(everything).not.toContain(word);
  });

  it('the same name under two salts gives two unrelated commitments, and no dictionary opens them', () => {
    const w = new World();
    w.found(TREE, 'Docks', 'Sam Lee');
    w.join('m1', 'Sam Lee');
    const [a, b] = w.log.flatMap((e) => (e.kind === 'MemberJoined' ? [e.nameCommitment] : []));
    expect(a).not.toBe(b);
    // Without the salt the name does not open it.
    expect(a).not.toBe(commitmentOf('00'.repeat(32), 'Sam Lee'));
  });

  it('a candidate stands under a committed name', () => {
    const w = new World();
    w.found(TREE, 'Docks', 'Rosa Okafor');
    const docks = w.councilId('Docks');
    const election = w.state.groups.get(`o:${docks}:chair`)?.regularElectionId as string;
    const [, accepted] = w.run('m1', {
      kind: 'Nominate',
      electionId: election,
      candidateId: 'm1',
      standingName: 'Rosa Okafor',
    });
    expect(accepted?.kind).toBe('NominationAccepted');
    if (accepted?.kind !== 'NominationAccepted') return;
    const [fact] = accepted.personal ?? [];
    expect(fact).toMatchObject({ subject: 'm1', field: 'candidateName', value: 'Rosa Okafor' });
    expect(accepted.nameCommitment).toBe(commitmentOf(fact?.salt as string, 'Rosa Okafor'));
    expect(publicText(accepted)).not.toContain('Rosa');
  });
});

describe("A person's rights: erasure records a MemberErased with no personal data", () => {
  it('a member is erased: they leave (mandates end as on leaving), then MemberErased', () => {
    const w = new World();
    w.found(TREE, 'Docks');
    const members = ['m1', ...w.populate('m1', 3)];
    const docks = w.councilId('Docks');
    electAll(w, `o:${docks}:chair`, ['m2'], members);
    expect(w.state.members.get('m2')?.mandates).toHaveLength(1);
    const events = w.run('m2', { kind: 'ErasePersonalData' });
    expect(events.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['MemberLeft', 'MandateEnded', 'MemberErased']),
    );
    expect(events.at(-1)).toEqual({ kind: 'MemberErased', at: w.now, by: 'm2', memberId: 'm2' });
    expect(w.state.members.get('m2')).toMatchObject({ status: 'left', erasedAt: w.now });
    w.refuse('m2', { kind: 'ErasePersonalData' }, 'ALREADY_ERASED');
    w.expectReplayEqualsLive();
  });

  it('a former member may ask too; someone who never was one may not', () => {
    const w = new World();
    w.found(TREE, 'Docks');
    w.populate('m1', 2);
    w.run('m3', { kind: 'LeaveOrganisation' });
    expect(w.run('m3', { kind: 'ErasePersonalData' }).map((e) => e.kind)).toEqual(['MemberErased']);
    w.refuse('m9', { kind: 'ErasePersonalData' }, 'NOT_A_MEMBER');
  });

  it('is refused, changing nothing, while the person keeps a treasury that holds money', () => {
    const b = books();
    b.w.run(b.member, { kind: 'ErasePersonalData' }); // an ordinary member: fine
    income(b, 5_000);
    b.w.refuse(b.treasurer, { kind: 'ErasePersonalData' }, 'ERASURE_TREASURER');
    const mandate = b.w.state.members.get(b.treasurer)?.mandates[0] as string;
    b.w.run(b.treasurer, { kind: 'ResignMandate', mandateId: mandate });
    expect(b.w.run(b.treasurer, { kind: 'ErasePersonalData' }).at(-1)?.kind).toBe('MemberErased');
  });
});

describe('Who may read the record: the constitution, and read tokens granted by motion', () => {
  it('is members by default; founders may choose public, within the bounds', () => {
    const w = new World();
    w.found(TREE, 'Docks');
    expect(w.state.constitution.recordVisibility).toBe('members');
    const open = new World();
    open.run('anyone', {
      kind: 'FoundOrganisation',
      name: 'Open Union',
      slug: 'open',
      founderName: 'Ann',
      councils: TREE,
      founderCouncil: 'Docks',
      constitution: { recordVisibility: 'public', termMonths: 6 },
    });
    expect(open.state.constitution).toMatchObject({ recordVisibility: 'public', termMonths: 6 });
    for (const constitution of [
      { recordVisibility: 'secret' },
      { termMonths: 99 },
      { admin: 1 },
    ] as Record<string, string | number>[])
      new World().refuse(
        'anyone',
        {
          kind: 'FoundOrganisation',
          name: 'U',
          slug: 'u',
          founderName: 'Ann',
          councils: TREE,
          founderCouncil: 'Docks',
          constitution,
        },
        'PARAMETER_OUT_OF_BOUNDS',
      );
  });

  it('a congress grants a read token by motion (only its hash logged), and revokes it by another', () => {
    const w = new World();
    const o = congressWithDelegates(w);
    const delegate = o.docks[1] as string;
    w.refuse(
      o.docks[3] as string,
      {
        kind: 'ProposeMotion',
        councilId: o.docksId,
        title: 'T',
        text: 'x',
        body: { kind: 'readAccess', action: 'grant', label: 'auditors' },
      },
      'MOTION_NOT_ALLOWED',
    );
    const entropy = w.entropy();
    const grant = carry(
      w,
      delegate,
      o.rootId,
      { kind: 'readAccess', action: 'grant', label: ' the auditors ' },
      entropy,
    );
    const token = readToken(entropy);
    const granted = w.log.find((e) => e.kind === 'ReadAccessGranted');
    expect(granted).toMatchObject({
      grantId: grant,
      label: 'the auditors',
      tokenHash: tokenHashOf(token),
    });
    expect(w.log.map(publicText).join('\n')).not.toContain(token);
    expect(liveGrantOf(w.state, tokenHashOf(token))).toBe(grant);
    w.refuse(
      delegate,
      {
        kind: 'ProposeMotion',
        councilId: o.rootId,
        title: 'T',
        text: 'x',
        body: { kind: 'readAccess', action: 'revoke', grantId: 'mo999' },
      },
      'MOTION_NOT_ALLOWED',
    );
    carry(w, delegate, o.rootId, { kind: 'readAccess', action: 'revoke', grantId: grant });
    expect(
      w.log.at(-1)?.kind === 'ReadAccessRevoked' ||
        w.log.some((e) => e.kind === 'ReadAccessRevoked'),
    ).toBe(true);
    expect(liveGrantOf(w.state, tokenHashOf(token))).toBeNull();
    w.expectReplayEqualsLive();
  });

  it('a constitutional motion opens the record to the public, and only to a value within bounds', () => {
    const w = new World();
    const o = congressWithDelegates(w);
    const delegate = o.docks[1] as string;
    w.refuse(
      delegate,
      {
        kind: 'ProposeMotion',
        councilId: o.rootId,
        title: 'T',
        text: 'x',
        body: { kind: 'constitutional', parameter: 'recordVisibility', value: 'nobody' },
      },
      'PARAMETER_OUT_OF_BOUNDS',
    );
    carry(w, delegate, o.rootId, {
      kind: 'constitutional',
      parameter: 'recordVisibility',
      value: 'public',
    });
    expect(w.state.constitution.recordVisibility).toBe('public');
  });
});
