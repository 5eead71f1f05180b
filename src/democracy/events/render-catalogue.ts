import { EVENT_CATALOGUE } from './index.js';

/**
 * docs/events.md, generated from the catalogue (a test keeps the file equal to this).
 * Regenerate with the other generated docs: `node --import tsx scripts/generate-api-docs.ts`.
 */
export function renderEventCatalogue(): string {
  const lines = [
    '# Event catalogue',
    '',
    '<!-- Generated from src/democracy/events/ by renderEventCatalogue(); test/democracy/catalogue.test.ts keeps it in sync. -->',
    '',
    "Every change to an organisation is one of these events on its log (RECORD.md). A type's",
    'name and meaning never change and are never reused: a new meaning is a new type.',
    '',
    'Every event carries `at` (milliseconds since the Unix epoch; for an event caused by a',
    "deadline, the deadline itself), and `by` when a member acted in public (the envelope's",
    "actor). An event's `secret` field is kept by the server and never published: it holds",
    'who cast a secret ballot, their receipt and the ballot until the box closes, when the',
    'ballots are published by receipt (`BallotsPublished`).',
    '',
    'No entry holds personal data in clear (docs/design/record.md, "Personal data"): a',
    'person appears only as an opaque member id, and where a personal fact must be provable',
    'later (the name a member joined with, the name a candidate stood under) as a salted',
    'commitment `SHA-256(salt ‖ value)`. The salt and the value are the `personal` part of',
    'the event, written to the private member directory in the same transaction and never',
    'logged; erasing them (`MemberErased`) leaves every entry as it was.',
    '',
    'Entry format: `v` 2 (format 1, with names in clear, was never deployed).',
    '',
    "Every type's fields, for each of its versions, are frozen in",
    '`src/democracy/events/frozen-catalogue.json`: a (type, version) never changes its fields;',
    'a change is a new version, appended with `npm run events:freeze` (docs/design/record.md, "Entries").',
    '',
  ];
  for (const { area, meanings } of EVENT_CATALOGUE) {
    lines.push(`## ${area}`, '', '| type | meaning |', '| --- | --- |');
    for (const [kind, meaning] of Object.entries(meanings))
      lines.push(`| \`${kind}\` | ${meaning.replace(/\|/g, '\\|')} |`);
    lines.push('');
  }
  return lines.join('\n');
}
