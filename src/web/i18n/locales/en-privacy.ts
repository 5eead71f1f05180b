/** Members' privacy (docs/design/record.md, "Personal data"): people, and a person's rights. */
export const enPrivacy = {
  person: {
    former: 'former member',
    withheld: 'member {id}',
  },
  privacy: {
    title: 'My personal data',
    lead: 'The record names you only by a member number; your name stays in this server’s private directory, shown to the members of your organisations. You can download everything this server holds about you, or have it erased.',
    download: 'Download my data (JSON)',
    eraseTitle: 'Erase my account',
    eraseHelp:
      'You leave every organisation (your mandates end, as when leaving), your name and its salts are deleted, and your account goes. The record keeps every entry as it was, but nobody can tell any more that they were yours: pages will show “former member”. This cannot be undone.',
    eraseConfirm: 'I understand: erase my account and my name for good.',
    password: 'Your password, to confirm',
    erase: 'Erase my account',
    showName: 'Show my name to people outside the organisation',
    showNameHint:
      'Members always see your name, and everyone who may read the record sees the names of delegates and officers. Otherwise your name stays inside the organisation.',
    onRecord:
      'This text goes on the organisation’s record as written, for everyone who may read the record: leave out personal details.',
  },
};
