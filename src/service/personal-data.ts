import { randomBytes } from 'node:crypto';
import { accountRecord, confirmPassword, deleteAccount } from '../accounts/account-data.js';
import { commitmentOf, decide } from '../democracy/index.js';
import { toHex } from '../record/index.js';
import { factsAbout } from '../store/directory.js';
import type { SovietService } from './soviet-service.js';
import type { OrganisationData, PersonalData } from './views/personal-data-view.js';

export type { OrganisationData, PersonalData } from './views/personal-data-view.js';

/**
 * A person's rights (docs/design/rules.md, "A person's rights"): everything the
 * instance holds about an account, as one JSON document (GDPR arts. 15 and 20), and
 * erasure (art. 17) by crypto-shredding: leave every organisation, record `MemberErased`
 * (no personal data in it) whose transaction deletes the directory rows and salts, then
 * delete the account. The log keeps every entry byte for byte.
 */
export async function personalDataOf(
  service: SovietService,
  accountId: number,
): Promise<PersonalData> {
  const account = await accountRecord(service.store.db, accountId);
  const organisations: OrganisationData[] = [];
  for (const m of account.memberships) {
    if (m.memberId === null) continue;
    const org = await service.store.organisation(m.org);
    const member = (await service.state(m.org)).members.get(m.memberId);
    const facts = await factsAbout(service.store.db, org.id, m.memberId);
    organisations.push({
      org: m.org,
      memberId: m.memberId,
      status: member?.status ?? null,
      joinedAt: member?.joinedAt ?? null,
      councilId: member?.councilId ?? null,
      facts: facts.map((f) => ({
        seq: f.seq,
        field: f.field,
        value: f.value,
        salt: f.salt,
        commitment: commitmentOf(f.salt, f.value),
      })),
    });
  }
  return { generatedAt: service.clock(), account, organisations };
}

/**
 * Erases the account's person everywhere. Every organisation is checked first with the
 * rules' own decide (a treasurer who keeps money is refused, ERASURE_TREASURER), so a
 * refusal changes nothing anywhere; then each organisation records the erasure, and the
 * account goes. A crash half-way is finished by asking again: an organisation already
 * erased is skipped.
 */
export async function eraseAccount(
  service: SovietService,
  accountId: number,
  password: string,
): Promise<{ readonly organisations: readonly string[] }> {
  await confirmPassword(service.store.db, accountId, password);
  const { memberships } = await accountRecord(service.store.db, accountId);
  const pending: { org: string; memberId: string }[] = [];
  for (const m of memberships) {
    if (m.memberId === null) continue;
    const state = await service.state(m.org);
    if ((state.members.get(m.memberId)?.erasedAt ?? null) !== null) continue;
    const ctx = {
      now: service.clock(),
      actor: m.memberId,
      entropy: toHex(new Uint8Array(randomBytes(32))),
      seed: '00'.repeat(32),
    };
    decide(state, { kind: 'ErasePersonalData' }, ctx);
    pending.push({ org: m.org, memberId: m.memberId });
  }
  for (const p of pending) await service.execute(p.org, p.memberId, { kind: 'ErasePersonalData' });
  await deleteAccount(service.store.db, accountId);
  return { organisations: pending.map((p) => p.org) };
}
