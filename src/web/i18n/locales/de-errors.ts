/** German sentences of the democracy, accounts, server and service error codes (en-errors.ts). */
export const deErrorsMore = {
  NOT_FOUNDED: 'Diese Organisation ist noch nicht gegründet.',
  ALREADY_FOUNDED: 'Diese Organisation ist bereits gegründet.',
  BAD_FOUNDING: 'So kann die Organisation nicht gegründet werden: {reason}.',
  BAD_COMMAND: 'Die Anfrage ist ungültig: {reason}.',
  ENTROPY_TOO_SHORT:
    'Der Server hat zu wenig Zufall geliefert (mindestens 32 Hexadezimalziffern sind nötig).',
  SYSTEM_ONLY: 'Nur der Server selbst darf {action}.',
  NOT_A_MEMBER: 'Du bist kein Mitglied dieser Organisation.',
  COUNCIL_UNKNOWN: 'Es gibt keinen Rat {councilId}.',
  COUNCIL_DISSOLVED: 'Der Rat {councilId} wurde aufgelöst.',
  NOT_BASE_COUNCIL: '{councilId} ist ein Delegiertenrat: Mitglieder gehören Basisräten an.',
  NOT_YOUR_COUNCIL: 'Du darfst nur in deinen eigenen Basisrat einladen.',
  INVITATION_UNKNOWN: 'Diese Einladung ist ungültig.',
  INVITATION_USED: 'Diese Einladung wurde bereits verwendet.',
  INVITATION_EXPIRED: 'Diese Einladung ist am {expiresAt} abgelaufen.',
  BAD_NAME: 'Ein Name muss 1 bis 100 Zeichen haben.',
  SAME_COUNCIL: 'Du bist bereits Mitglied dieses Rats.',
  ELECTION_UNKNOWN: 'Es gibt keine Wahl {electionId}.',
  NOT_IN_VOTING_BODY:
    'Nur Mitglieder des stimmberechtigten Gremiums von {councilId} dürfen {action}.',
  NOT_IN_CONSTITUENCY:
    '{candidateId} kann nicht kandidieren: Kandidierende müssen dem stimmberechtigten Gremium von {councilId} angehören.',
  NOMINATIONS_CLOSED: 'Die Nominierung für diese Wahl ist geschlossen.',
  ALREADY_NOMINATED: '{candidateId} ist bereits nominiert.',
  NOT_NOMINATED: 'Du bist in dieser Wahl nicht nominiert.',
  ROTATION_CONSECUTIVE:
    '{candidateId} kann nicht kandidieren: es wäre die {terms}. Amtszeit in Folge auf diesem Sitz, und die Grenze ist {limit} (Rotation).',
  ROTATION_CONCURRENT:
    '{candidateId} kann nicht kandidieren: es wären {count} Mandate zugleich, und die Grenze ist {limit} (Rotation).',
  ALREADY_HOLDS_SEAT:
    '{candidateId} hat bereits einen Sitz dieser Gruppe über das Ende dieser Wahl hinaus.',
  VOTING_NOT_OPEN: 'Diese Abstimmung ist nicht offen.',
  ALREADY_VOTED: 'Du hast in dieser Abstimmung bereits abgestimmt.',
  NOT_ON_ROLL:
    'Du stehst nicht auf der Wählerliste dieser Abstimmung: sie wurde bei deren Beginn festgelegt.',
  BAD_BALLOT: 'Dieser Stimmzettel ist ungültig: {reason}.',
  GROUP_UNKNOWN: 'Es gibt keine Sitzgruppe {groupKey}.',
  NO_VACANCY: 'In {groupKey} ist kein Sitz frei, der zu wählen wäre.',
  ELECTION_ALREADY_OPEN: 'Für {groupKey} ist bereits eine Wahl offen ({electionId}).',
  MANDATE_UNKNOWN: 'Es gibt kein Mandat {mandateId}.',
  MANDATE_NOT_SITTING: 'Das Mandat {mandateId} ist bereits beendet.',
  NOT_HOLDER: 'Nur wer ein Mandat innehat, kann davon zurücktreten.',
  RECALL_ALREADY_OPEN: 'Eine Abberufung dieses Mandats läuft bereits ({petitionId}).',
  RECALL_COOLDOWN:
    'Eine Abberufungsabstimmung zu diesem Mandat ist vor Kurzem gescheitert; ein neues Begehren ist ab {until} möglich.',
  REASON_REQUIRED: 'Ein Abberufungsbegehren muss einen Grund nennen.',
  BREACH_UNKNOWN: 'Der Auftragsbruch {breachId} ist keiner der Person, die dieses Mandat innehat.',
  PETITION_UNKNOWN: 'Es gibt kein Abberufungsbegehren {petitionId}.',
  PETITION_CLOSED: 'Dieses Abberufungsbegehren nimmt keine Unterschriften mehr an.',
  ALREADY_SIGNED: 'Du hast dieses Begehren bereits unterschrieben.',
  MOTION_UNKNOWN: 'Es gibt keinen Antrag {motionId}.',
  MOTION_NOT_ALLOWED: 'Dieser Antrag kann hier nicht gestellt werden: {reason}.',
  PARAMETER_OUT_OF_BOUNDS: 'So kann die Satzung nicht geändert werden: {reason}.',
  MOTION_PHASE: 'Der Antrag ist in der Phase „{phase}“: du kannst jetzt nicht {action}.',
  CANNOT_SECOND_OWN: 'Du kannst deinen eigenen Antrag nicht unterstützen.',
  ALREADY_SECONDED: 'Du hast diesen Antrag bereits unterstützt.',
  NOT_PROPOSER: 'Nur wer einen Antrag gestellt hat, kann ihn zurückziehen.',
  AMENDMENT_UNKNOWN: 'Es gibt keinen Änderungsantrag {amendmentId}.',
  NOT_TREASURER: 'Nur die Kasse von {councilId}, ein Amt, das sein Gremium wählt, darf {action}.',
  LEDGER_NOT_OPEN: 'Der Rat {councilId} hat noch kein Kassenbuch: die Kasse eröffnet es.',
  LEDGER_ALREADY_OPEN: 'Der Rat {councilId} führt bereits ein Kassenbuch, in {currency}.',
  CURRENCY_MISMATCH:
    'Das ist in {currency}, aber das Kassenbuch von {councilId} wird in {ledgerCurrency} geführt.',
  LEDGER_ACCOUNT_UNKNOWN: 'Das Kassenbuch von {councilId} hat kein Konto „{account}“.',
  LEDGER_ACCOUNT_EXISTS: 'Das Kassenbuch von {councilId} hat bereits ein Konto „{account}“.',
  LEDGER_ACCOUNT_TYPE: 'Das Konto „{account}“ ist ein {type}-Konto, aber {needed}.',
  INSUFFICIENT_FUNDS: 'Das Konto „{account}“ hat {balance}: es kann {amount} nicht geben.',
  AMOUNT_TOO_LARGE:
    'Dieser Betrag brächte ein Konto von {councilId} über das hinaus, was das Kassenbuch zählen kann.',
  AUTHORISATION_UNKNOWN:
    'Es gibt keine Ausgabenermächtigung {authorisationId}: Geld verlässt die Kasse nur aufgrund eines angenommenen Ausgabenantrags oder eines beschlossenen Bürgerhaushalts.',
  AUTHORISATION_EXCEEDED:
    'Die Ermächtigung {authorisationId} lässt noch {remaining} zu zahlen: {amount} ist mehr als ermächtigt.',
  WAGE_CAP_NOT_SET:
    'Kein Amt darf bezahlt werden, bis der Kongress die Lohnobergrenze festlegt (ein Satzungsantrag zu wageCap und wageCapCurrency).',
  WAGE_CAP_CURRENCY:
    'Die Lohnobergrenze ist in {capCurrency} festgelegt, diese Amtsvergütung aber in {currency}: der Kongress muss die Grenze erst in dieser Währung festlegen.',
  WAGE_CAP_EXCEEDED:
    '{memberId} hat diesen Monat {paid} für das Amt erhalten; {amount} mehr überschritte die Lohnobergrenze von {cap}.',
  ROUND_UNKNOWN: 'Es gibt keine Haushaltsrunde {roundId}.',
  ROUND_PHASE: 'Die Haushaltsrunde ist in der Phase „{phase}“: du kannst jetzt nicht {action}.',
  PROJECT_UNKNOWN: 'Es gibt kein Projekt {projectId}.',
  NOT_IN_ELECTORATE:
    'Nur Mitglieder der Räte unter {councilId} (oder von {councilId} selbst) dürfen in seiner Haushaltsrunde {action}.',
  NOT_PROJECT_PROPOSER: 'Nur wer ein Projekt vorgeschlagen hat, kann es zurückziehen.',
  PROJECT_TOO_EXPENSIVE:
    'Das Projekt kostet {cost}, mehr als der ganze Haushalt der Runde ({budget}).',
  UNAUTHENTICATED: 'Dafür musst du angemeldet sein.',
  SESSION_EXPIRED:
    'Deine Sitzung ist beendet (abgemeldet oder zu lange inaktiv). Bitte melde dich erneut an.',
  LOGIN_FAILED: 'Benutzername oder Passwort ist falsch.',
  LOGIN_THROTTLED:
    'Zu viele fehlgeschlagene Anmeldungen: warte {seconds} Sekunden, bevor du es erneut versuchst. Die Kontoinhaberin oder der Kontoinhaber wird informiert.',
  BAD_USERNAME:
    'Ein Benutzername muss 3 bis 64 Zeichen haben: Kleinbuchstaben, Ziffern, Punkte, Binde- oder Unterstriche, beginnend mit einem Buchstaben oder einer Ziffer.',
  USERNAME_TAKEN: 'Der Benutzername „{username}“ ist bereits vergeben.',
  WEAK_PASSWORD: 'Dieses Passwort ist zu schwach: {reason}.',
  WRONG_PASSWORD: 'Das aktuelle Passwort ist falsch.',
  ALREADY_A_MEMBER: 'Dein Konto ist bereits Mitglied von „{org}“; eine Person ist ein Mitglied.',
  INVITATION_BUSY: 'Diese Einladung wird gerade von jemand anderem angenommen.',
  NOT_AN_ORG_MEMBER: 'Dein Konto ist kein Mitglied von „{org}“.',
  MEMBERSHIP_ENDED: 'Deine Mitgliedschaft in „{org}“ ist beendet ({status}).',
  BODY_TOO_LARGE: 'Der Inhalt der Anfrage ist größer, als diese Adresse annimmt ({limit} Bytes).',
  UNSUPPORTED_MEDIA_TYPE: 'Der Inhalt der Anfrage muss JSON sein (Content-Type: application/json).',
  CSRF_ORIGIN:
    'Diese Anfrage kam nicht von dieser Website (Origin oder Referer fehlt oder ist fremd) und wurde deshalb abgelehnt.',
  CSRF_TOKEN:
    'Dieser Anfrage fehlt ihr Sicherheitscode oder er ist falsch. Lade die Seite neu und versuche es noch einmal.',
  RATE_LIMITED:
    'Zu viele Anfragen dieser Art: warte {seconds} Sekunden und versuche es noch einmal.',
  SYSTEM_ACTOR_RESERVED:
    'Nur der Server selbst handelt als „system“; eine Anfrage muss als Mitglied handeln.',
  MEMBER_UNKNOWN: 'Es gibt kein Mitglied {memberId}.',
  BALLOT_BOX_UNKNOWN: 'Es gibt keine Urne {boxId}.',
  RECEIPT_UNKNOWN:
    'Kein veröffentlichter Stimmzettel hat die Quittung {receipt}. Stimmzettel werden bei Abstimmungsende veröffentlicht; prüfe die Quittung auf Tippfehler.',
  ALREADY_ERASED: 'Diese persönlichen Daten wurden bereits gelöscht.',
  ERASURE_TREASURER:
    'Sie führen die Kasse des Rats {councilId}, die Geld hält: Legen Sie das Amt nieder, damit eine gewählte Nachfolge sie übernimmt, und fragen Sie dann erneut.',
  RECORD_MEMBERS_ONLY:
    'Das Protokoll von {org} ist nur für seine Mitglieder offen (so sagt es die Satzung): Melden Sie sich als Mitglied an oder legen Sie ein von der Organisation erteiltes Lese-Token vor.',
  RECORD_MEMBERS_ONLY_FORBIDDEN:
    'Das Protokoll von {org} ist nur für seine Mitglieder offen (so sagt es die Satzung), und dieses Konto ist kein aktives Mitglied.',
  READ_TOKEN_INVALID:
    'Dieses Lese-Token gilt nicht für das Protokoll von {org}: Es wurde nie erteilt, oder die Organisation hat es widerrufen.',
};
