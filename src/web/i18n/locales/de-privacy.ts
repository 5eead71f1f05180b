/** Der Schutz der Mitglieder (docs/design/record.md, "Personal data"). */
export const dePrivacy = {
  person: {
    former: 'ehemaliges Mitglied',
    withheld: 'Mitglied {id}',
  },
  privacy: {
    title: 'Meine persönlichen Daten',
    lead: 'Das Protokoll nennt Sie nur mit einer Mitgliedsnummer; Ihr Name bleibt im privaten Verzeichnis dieses Servers und ist für die Mitglieder Ihrer Organisationen sichtbar. Sie können alles herunterladen, was dieser Server über Sie speichert, oder es löschen lassen.',
    download: 'Meine Daten herunterladen (JSON)',
    eraseTitle: 'Mein Konto löschen',
    eraseHelp:
      'Sie verlassen jede Organisation (Ihre Mandate enden wie beim Austritt), Ihr Name und seine Salze werden gelöscht, und Ihr Konto verschwindet. Das Protokoll behält jeden Eintrag unverändert, doch niemand kann mehr erkennen, dass es Ihre waren: Die Seiten zeigen dann „ehemaliges Mitglied“. Das lässt sich nicht rückgängig machen.',
    eraseConfirm: 'Ich habe verstanden: mein Konto und meinen Namen endgültig löschen.',
    password: 'Ihr Passwort, zur Bestätigung',
    erase: 'Mein Konto löschen',
    showName: 'Meinen Namen Menschen außerhalb der Organisation zeigen',
    showNameHint:
      'Mitglieder sehen Ihren Namen immer, und alle, die das Protokoll lesen dürfen, sehen die Namen der Delegierten und Amtsträger. Sonst bleibt Ihr Name innerhalb der Organisation.',
    onRecord:
      'Dieser Text kommt so, wie Sie ihn schreiben, in das Protokoll der Organisation, für alle, die es lesen dürfen: Lassen Sie persönliche Angaben weg.',
  },
};
