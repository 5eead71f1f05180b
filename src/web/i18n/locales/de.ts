import { deErrorsMore } from './de-errors.js';
import { deMembers } from './de-members.js';
import { dePrivacy } from './de-privacy.js';

/** German. Keys as in en.ts; plural forms one and other (CLDR). */
export const de = {
  ...deMembers,
  ...dePrivacy,
  app: {
    name: 'Soviet',
    tagline: 'Rätedemokratie auf einem überprüfbaren Protokoll',
    skipToContent: 'Zum Inhalt springen',
    mainNavigation: 'Hauptmenü',
    footer:
      'Soviet ist freie Software (AGPL-3.0-or-later). Jede Macht geht aus einer Wahl hervor, jedes Mandat ist abrufbar, jede Handlung steht im Protokoll.',
    loading: 'Wird geladen …',
  },
  nav: {
    home: 'Start',
    practice: 'Wählen üben',
    count: 'Stimmen auszählen',
    record: 'Protokoll prüfen',

    login: 'Anmelden',
    logout: 'Abmelden',
    account: 'Dein Konto',
    found: 'Organisation gründen',
    join: 'Einladung annehmen',
    org: 'Organisation',
    orgRecord: 'Das Protokoll',
    council: 'Rat',
    motion: 'Antrag',
    election: 'Wahl',
    recall: 'Abberufung',
  },
  language: {
    label: 'Sprache',
  },
  home: {
    startTitle: 'Loslegen',
    startText:
      'Gründe eine Organisation mit ihren Räten oder tritt einer bei – mit der Einladung, die dir ein Mitglied gegeben hat.',
    title: 'Rätedemokratie, die man nachprüfen kann',
    lead: 'Soviet organisiert eine Organisation als verschachtelte Räte abrufbarer Delegierter. Jede Macht geht aus einer Wahl hervor, jedes Mandat kann von denen abgerufen werden, die es erteilt haben, und jede Handlung wird in ein öffentliches Protokoll geschrieben, das jeder prüfen kann.',
    councilsTitle: 'Räte von Delegierten',
    councils:
      'Die Mitglieder treffen sich in Basisräten: einer Ortsgruppe, einem Betrieb, einem Viertel. Jeder wählt Delegierte in den nächsthöheren Rat, bis hinauf zum Kongress. Die Delegierten tragen die Aufträge ihres Rates, und ihre Stimmen sind öffentlich.',
    recallTitle: 'Jederzeit abrufbar',
    recall:
      'Amtszeiten sind kurz, Ämter rotieren. Eine Petition, die genug Mitglieder des wählenden Gremiums unterschreiben, erzwingt eine Abstimmung über die Abberufung; für abberufene Delegierte gibt es eine Nachwahl.',
    recordTitle: 'Ein Protokoll, das niemand umschreiben kann',
    record:
      'Jeder Antrag, jede Abstimmung, Wahl und Abberufung ist ein Eintrag im nur erweiterbaren Protokoll der Organisation, signiert und veröffentlicht, damit jeder prüfen kann, dass nichts verändert oder entfernt wurde.',
    tryTitle: 'Jetzt ausprobieren',
    tryLead: 'Diese Werkzeuge laufen in Ihrem Browser, ohne Konto:',
    tryPractice: 'Einen Rangfolge-Stimmzettel üben',
    tryPracticeText:
      'Kandidierende per Touch, Maus oder Tastatur ordnen und dann die Übungsstimmzettel auszählen.',
    tryCount: 'Eine Stimmzetteldatei auszählen',
    tryCountText:
      'eine echte Wahl Runde für Runde auszählen, mit einem Diagramm jeder Übertragung.',
    tryRecord: 'Ein Protokoll prüfen',
    tryRecordText:
      'das signierte Protokoll einer Organisation und die Beweise seiner Ereignisse prüfen.',
    countingTitle: 'Wie Wahlen ausgezählt werden',
    counting:
      'Wahlen mit mehreren Sitzen nutzen die übertragbare Einzelstimmgebung, ausgezählt wie die schottischen Kommunalwahlen; Wahlen um einen Sitz nutzen die integrierte Stichwahl. Gleichstände, die die Regeln dem Los überlassen, werden aus dem Protokoll selbst gezogen, sodass jeder die Ziehung wiederholen kann.',
  },
  practice: {
    title: 'Einen Rangfolge-Stimmzettel üben',
    lead: 'Ordnen Sie so viele Kandidierende, wie Sie möchten, nach Ihrer Präferenz. Nichts, was Sie hier tun, wird gespeichert oder verschickt.',
    ballotTitle: 'Übungswahl: Delegierte zum Bezirksrat',
    cast: 'Diesen Übungsstimmzettel abgeben',
    castDone: 'Übungsstimmzettel abgegeben: {ranking}.',
    emptyBallot: 'Ordnen Sie mindestens eine Person, bevor Sie den Stimmzettel abgeben.',
    boxTitle: 'Die Übungsurne',
    boxCount_one: 'In der Urne liegt {count} Übungsstimmzettel.',
    boxCount_other: 'In der Urne liegen {count} Übungsstimmzettel.',
    boxEmpty:
      'Die Urne ist leer. Geben Sie einen Stimmzettel ab oder füllen Sie sie mit zufälligen.',
    fillRandom: '{count} zufällige Stimmzettel hinzufügen',
    emptyBox: 'Urne leeren',
    seats: 'Zu besetzende Sitze',
    countBox: 'Die Übungsstimmzettel auszählen',
  },
  countPage: {
    title: 'Eine Stimmzetteldatei auszählen',
    lead: 'Wählen Sie eine Stimmzetteldatei im .blt-Format (wie bei der Electoral Reform Society, OpenSTV und schottischen Kommunen) oder eine PrefLib-Datei. Sie wird hier in Ihrem Browser ausgezählt: Die Datei wird nirgendwohin gesendet.',
    file: 'Stimmzetteldatei',
    fileHint: '.blt oder PrefLib .soc, .soi, .toc, .toi',
    method: 'Zählverfahren',
    methodAuto: 'Automatisch: STV bei mehreren Sitzen, integrierte Stichwahl bei einem',
    seats: 'Zu besetzende Sitze',
    seatsHint: 'Leer lassen, um die Zahl aus der Datei zu nehmen.',
    seed: 'Startwert für Losentscheide',
    seedHint:
      'Optional. Soviet nimmt den Checkpoint des Protokolls; derselbe Startwert zieht immer dieselben Lose.',
    count: 'Auszählen',
    counting: 'Wird ausgezählt …',
    failed: 'Diese Datei kann nicht ausgezählt werden',
    summary:
      '{title}: {candidates} Kandidierende, {ballots} Stimmzettel, {seats} Sitze zu besetzen.',
    untitled: 'Wahl ohne Titel',
    download: 'Bericht herunterladen (JSON)',
    chooseFile: 'Wählen Sie zuerst eine Stimmzetteldatei.',
  },
  record: {
    title: 'Das Protokoll einer Organisation prüfen',
    lead: 'Ihr Browser prüft die Signatur des neuesten Checkpoints der Organisation mit ihrem öffentlichen Schlüssel und beweist dann, dass jedes angezeigte Ereignis im signierten Protokoll steht. Er glaubt dem Server nichts ungeprüft.',
    org: 'Organisation',
    orgHint: 'Ihr Kurzname wie in ihrer Adresse, z. B. acme-branch.',
    vkey: 'Öffentlicher Schlüssel (vkey)',
    vkeyHint:
      'Der Prüfschlüssel der Organisation, z. B. soviet.localhost/acme+1a2b3c4d+AR…. Holen Sie ihn von jemandem, dem Sie vertrauen: Dieser Browser merkt ihn sich für diese Organisation und warnt Sie, falls das Protokoll nicht mehr dazu passt.',
    verify: 'Prüfen',
    verifying: 'Wird geprüft …',
    verified: 'Das Protokoll ist geprüft',
    verifiedText_one:
      'Der Checkpoint ist mit dem Schlüssel der Organisation signiert, und für das neueste Ereignis ist bewiesen, dass es im Protokoll steht.',
    verifiedText_other:
      'Der Checkpoint ist mit dem Schlüssel der Organisation signiert, und für jedes der {count} neuesten Ereignisse ist bewiesen, dass es im Protokoll steht.',
    verifiedEmpty:
      'Der Checkpoint ist mit dem Schlüssel der Organisation signiert. Das Protokoll hat noch keine Ereignisse.',
    failed: 'Das Protokoll lässt sich nicht bestätigen',
    checkpoint: 'Checkpoint',
    origin: 'Protokoll',
    size: 'Ereignisse im Protokoll',
    rootHash: 'Wurzel-Hash',
    keyId: 'Schlüssel-ID',
    signature: 'Signatur',
    signatureOk: 'geprüft',
    consistency: 'Seit Ihrem letzten Besuch',
    consistencyFirst:
      'Erste Prüfung in diesem Browser: Dieser Checkpoint wird gespeichert, um beim nächsten Mal zu beweisen, dass das Protokoll nur gewachsen ist.',
    consistencySame: 'Unverändert seit Ihrer letzten Prüfung am {date}.',
    consistencyOk:
      'Das Protokoll ist seit Ihrer letzten Prüfung am {date} nur gewachsen (von {from} auf {to} Ereignisse): bewiesen.',
    consistencyFailed:
      'Das Protokoll ist keine Fortsetzung dessen, das dieser Browser am {date} sah (Größe {from}): {reason}. Das Protokoll wurde umgeschrieben.',
    events: 'Neueste Ereignisse',
    eventsHelp: 'Der Inklusionsbeweis jedes Ereignisses führt zum signierten Wurzel-Hash.',
    event: 'Ereignis {seq}',
    type: 'Art',
    actorIs: 'von {actor}',
    inLog: 'Im Protokoll',
    proofFailed: 'Beweis gescheitert',
    data: 'Daten',
    system: 'dem System',
    proofFailedText: 'Ereignis {seq}: {reason}.',
    keyChanged:
      'Der Schlüssel weicht von dem ab, den dieser Browser für „{org}“ gespeichert hat. Prüfen Sie ihn mit jemandem, dem Sie vertrauen, bevor Sie sich darauf verlassen.',
    needBoth: 'Geben Sie die Organisation und ihren öffentlichen Schlüssel an.',
  },
  recount: {
    title: 'Nachzählung',
    lead: 'Die Signatur beweist, welches Protokoll die Organisation signiert hat, nicht, dass stimmt, was darin steht. Die Nachzählung prüft in diesem Browser jeden Eintrag des Protokolls und berechnet dann jede Entscheidung des Systems (jede Auszählung, jedes Ergebnis, jedes Mandat und jede Zahlung, und die Wahlen, die die Regeln eröffnen) aus den veröffentlichten Stimmzetteln und den Regeln neu und vergleicht sie mit dem Protokoll.',
    start: 'Jede Entscheidung nachzählen',
    again: 'Erneut nachzählen',
    working: 'Wird nachgezählt…',
    verifying: 'Jeder Eintrag des Protokolls wird geprüft: {done} von {total}',
    recounting: 'Die Entscheidungen werden neu berechnet: {done} von {total} Einträgen',
    clean: 'Jedes Ergebnis stimmt mit den Stimmzetteln überein',
    cleanText:
      'Jede Entscheidung des Systems im Protokoll ist die, die die Regeln aus den veröffentlichten Stimmzetteln und den Handlungen davor ergeben.',
    entries: 'Nachgezählte Einträge',
    decisions: 'Neu berechnete Entscheidungen des Systems',
    acts: 'An den Regeln geprüfte Handlungen der Mitglieder',
    elections: 'Ausgezählte Wahlen',
    motions: 'Entschiedene Anträge',
    recallVotes: 'Ausgezählte Abberufungsabstimmungen',
    budgetRounds: 'Ausgezählte Haushaltsrunden',
    mandates: 'Vergebene Mandate',
    payments: 'Geprüfte Zahlungen',
    departs: 'Die Nachzählung stimmt nicht mit dem Protokoll überein',
    entry: 'Eintrag {seq} ({type}), {subject}:',
    end: 'das Ende des Protokolls',
    inBox: '{subject}, Urne {box}',
    departsHelp:
      'Das Protokoll ist signiert, aber diese Entscheidung ist nicht die, die die Regeln ergeben: Wer den Server betreibt, hat sie umgeschrieben, oder der Server hat einen Fehler. Bewahren Sie eine Kopie des Protokolls auf (soviet export) und informieren Sie die Organisation.',
    failed: 'Die Nachzählung konnte nicht laufen',
    about: {
      election: 'Wahl {id}',
      motion: 'Antrag {id}',
      amendment: 'Änderungsantrag {id}',
      recall: 'Abberufungspetition {id}',
      round: 'Haushaltsrunde {id}',
      authorisation: 'Ausgabenermächtigung {id}',
      mandate: 'Mandat {id}',
      group: 'Sitzgruppe {id}',
      member: 'Mitglied {id}',
      council: 'Rat {id}',
      box: 'Urne {id}',
      deadline: 'die Frist {id}',
      organisation: 'die Organisation',
    },
    reason: {
      differs: '{what}: Im Protokoll steht {recorded}, die Regeln ergeben {recounted}.',
      anotherEvent: 'Im Protokoll steht {recorded}, wo die Regeln {recounted} ergeben.',
      unexplained:
        'Im Protokoll steht {recorded}, aber keine Frist und keine Handlung ergibt es hier.',
      missing: 'Das Protokoll endet, wo die Regeln {recounted} ergeben.',
      refused: 'Die Regeln lehnen diese Handlung ab: {refusal}',
      published:
        'Das Protokoll veröffentlicht {recorded} Stimmzettel dieser Urne, abgegeben wurden aber {recounted}.',
      cast: 'Das Protokoll zählt diesen geheimen Stimmzettel als Nummer {recorded} in seiner Urne; die Regeln ergeben {recounted}.',
      roll: 'Das Protokoll zählt {recorded} Stimmzettel in dieser Urne, mehr als Wahlberechtigte im Verzeichnis stehen.',
      noBox:
        'Im Protokoll steht ein geheimer Stimmzettel, den zu dieser Zeit keine offene Urne annimmt.',
      seed: 'Die Losung verwendet den Startwert {recorded}, der nicht der Checkpoint dieses Protokolls beim Abschluss ist.',
      unfinished:
        'Das Protokoll endet ohne die Entscheidung, die die Regeln zu dieser Frist ergeben.',
      unreadable: 'Die Regeln lassen sich auf diesen Eintrag nicht anwenden: {recounted}.',
    },
  },
  notFound: {
    title: 'Seite nicht gefunden',
    text: 'Unter dieser Adresse gibt es nichts.',
    home: 'Zur Startseite',
  },
  ballot: {
    instructions:
      'Eine „Rang“-Schaltfläche setzt die Person ans Ende Ihrer Rangfolge. Zum Umordnen ziehen Sie eine Person am Griff, nutzen die Pfeilschaltflächen, oder fokussieren den Griff und drücken die Leertaste zum Aufnehmen, die Pfeiltasten zum Verschieben und erneut die Leertaste zum Ablegen (Escape setzt sie zurück, Entf entfernt sie).',
    yourRanking: 'Ihre Rangfolge',
    notRanked: 'Nicht eingeordnet',
    emptyRanking: 'Noch niemand eingeordnet. Wählen Sie „Rang 1“ neben Ihrer ersten Wahl.',
    allRanked: 'Sie haben alle Kandidierenden eingeordnet.',
    handleLabel: '{name}, Rang {rank} von {of}. Umordnen',
    moveUp: '{name} nach oben',
    moveDown: '{name} nach unten',
    remove: '{name} aus Ihrer Rangfolge entfernen',
    rankNext: 'Rang {rank}',
    rankNextLabel: 'Rang {rank}: {name}',
    clear: 'Meine Rangfolge löschen',
    announce: {
      added: '{name} auf Rang {rank} von {of}.',
      removed: '{name} aus Ihrer Rangfolge entfernt. {of} eingeordnet.',
      moved: '{name} auf Rang {rank} von {of} verschoben.',
      grabbed:
        '{name} aufgenommen, auf Rang {rank} von {of}. Pfeiltasten zum Verschieben, Leertaste zum Ablegen, Escape zum Abbrechen.',
      dropped: '{name} auf Rang {rank} von {of} abgelegt.',
      cancelled: 'Verschieben abgebrochen. {name} ist wieder auf Rang {rank} von {of}.',
      atTop: '{name} steht schon an erster Stelle.',
      atBottom: '{name} steht schon an letzter Stelle.',
      cleared: 'Ihre Rangfolge ist gelöscht.',
    },
  },
  count: {
    result: 'Ergebnis der Auszählung',
    resultOf: 'Ergebnis: {title}',
    method: 'Verfahren',
    methods: {
      'scottish-stv': 'Übertragbare Einzelstimme (schottische Regeln)',
      meek: 'Übertragbare Einzelstimme (Meek)',
      irv: 'Integrierte Stichwahl',
      schulze: 'Schulze',
      approval: 'Zustimmungswahl',
    },
    seats: 'Sitze',
    ballots: 'Stimmzettel',
    validVote: 'Gültige Stimmen',
    approvals: 'Zustimmungen',
    quota: 'Quote',
    elected: 'Gewählt',
    noneElected: 'Niemand wurde gewählt.',
    seatsUnfilled_one: '{count} Sitz bleibt unbesetzt: Es gab nicht genug Kandidierende.',
    seatsUnfilled_other: '{count} Sitze bleiben unbesetzt: Es gab nicht genug Kandidierende.',
    lots: 'Per Los entschiedene Gleichstände',
    lot: {
      exclude:
        'Runde {stage}: {among} lagen beim Ausschluss gleichauf; das Los schloss {chosen} aus.',
      'surplus-order':
        'Runde {stage}: {among} hatten gleiche Überschüsse; das Los übertrug zuerst den von {chosen}.',
      elect: 'Runde {stage}: {among} lagen bei der Wahl gleichauf; das Los wählte {chosen}.',
      rank: '{among} lagen gleichauf; das Los setzte {chosen} höher.',
    },
    previousStage: 'Zurück',
    nextStage: 'Weiter',
    chooseStage: 'Runde',
    stageOption: 'Runde {stage}: {action}',
    stageHeading: 'Runde {stage} von {of}',
    stageNumber: 'Runde {stage}',
    action: {
      firstPreferences: 'Die Erstpräferenzen werden gezählt.',
      approvals: 'Die Zustimmungen werden gezählt.',
      firstPreferencesShort: 'Erstpräferenzen',
      approvalsShort: 'Zustimmungen',
      surplus:
        'Der Überschuss von {name} ({surplus} Stimmen) wird mit einem Übertragungswert von {value} übertragen.',
      surplusShort: 'Überschuss von {name}',
      exclusion_one: '{names} scheidet aus, die Stimmzettel werden übertragen.',
      exclusion_other: '{names} scheiden aus, die Stimmzettel werden übertragen.',
      exclusionShort: 'Ausschluss von {names}',
      meek_one: 'Die Behaltewerte der Gewählten werden neu berechnet ({count} Iteration).',
      meek_other: 'Die Behaltewerte der Gewählten werden neu berechnet ({count} Iterationen).',
      meekShort: 'Behaltewerte neu berechnet',
    },
    event: {
      elected: {
        quota: '{name} ist gewählt und hat die Quote erreicht.',
        'last-seats': '{name} ist gewählt: Es bleiben so viele Kandidierende wie Sitze.',
        majority: '{name} ist mit der Mehrheit der verbleibenden Stimmen gewählt.',
        highest: '{name} ist mit den meisten Stimmen gewählt.',
      },
      excluded: {
        lowest: '{name} scheidet mit den wenigsten Stimmen aus.',
        bulk: '{name} scheidet zusammen mit anderen aus, die nicht mehr aufholen konnten.',
      },
    },
    chartTitle: 'Stimmen in Runde {stage}',
    chartDescription:
      'Ein Balken je Person: Stimmen vor der Runde, was die Runde ihr übertragen oder genommen hat, und die Quote. Die Tabelle darunter enthält dieselben Zahlen.',
    quotaLine: 'Quote {quota}',
    legend: {
      before: 'Stimmen vor der Runde',
      gain: 'In dieser Runde erhalten',
      loss: 'Weiter übertragen',
      quota: 'Quote',
    },
    tableCaption: 'Zahlen der Runde {stage}',
    candidate: 'Kandidierende',
    before: 'Vorher',
    transfer: 'Übertragung',
    after: 'Nachher',
    keepValue: 'Behaltewert',
    standing: 'Stand',
    standings: {
      elected: 'Gewählt',
      excluded: 'Ausgeschieden',
      continuing: 'Im Rennen',
    },
    nonTransferable: 'Nicht übertragbar',
    lostToRounding: 'Durch Rundung verloren',
    total: 'Summe',
    allStages: 'Alle Runden',
    ranking: 'Rangfolge',
    pairwise: 'Paarweise Vergleiche',
    pairwiseHelp:
      'Jede Zelle gibt an, wie viele Stimmzettel die Person der Zeile vor die der Spalte setzen.',
  },
  problems: {
    network:
      'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    unexpected: 'Etwas Unerwartetes ist schiefgegangen. Bitte versuchen Sie es erneut.',
    badResponse:
      'Der Server hat eine Antwort gesendet, die diese Seite nicht versteht (Status {status}).',
    requestId: 'Referenz: {requestId}',
  },
  errors: {
    INTERNAL:
      'Auf dem Server ist etwas schiefgegangen. Es wurde mit der Anfrage-ID {requestId} protokolliert.',
    NOT_FOUND: 'Unter dieser Adresse gibt es nichts.',
    BAD_REQUEST: 'Die Anfrage ist ungültig: {reason}.',
    USAGE: '{reason}',
    STORE_CLOSED: 'Die Datenbank ist geschlossen: Der Server wird heruntergefahren.',
    STORE_UNAVAILABLE: 'Die Datenbank unter {target} lässt sich nicht öffnen: {reason}.',
    ORG_NOT_FOUND: 'Es gibt keine Organisation namens „{org}“.',
    ORG_EXISTS: 'Eine Organisation namens „{org}“ gibt es bereits.',
    ORG_BAD_SLUG:
      'Der Name einer Organisation besteht aus 1 bis 63 Kleinbuchstaben, Ziffern oder Bindestrichen und beginnt mit einem Buchstaben oder einer Ziffer; „{org}“ passt nicht.',
    LOG_INCONSISTENT:
      'Das Protokoll von „{org}“ setzt seinen letzten signierten Checkpoint nicht fort ({reason}); nichts wurde signiert. Führen Sie `soviet fsck {org}` aus.',
    LOG_BAD_TILE: 'Die Kachel {path} gibt es in diesem Protokoll nicht.',
    LOG_BAD_PROOF_REQUEST: 'Für {what} lässt sich kein Beweis geben: {reason}.',
    LOG_ENTRY_MISSING:
      'Eintrag {seq} von „{org}“ fehlt in der Datenbank. Führen Sie `soviet fsck {org}` aus.',
    RECORD_NOT_JSON:
      'Der Wert bei {path} lässt sich nicht als kanonisches JSON schreiben: {reason}.',
    RECORD_ENTRY_TOO_LARGE:
      'Ein Protokolleintrag darf höchstens 65.535 Bytes groß sein, dieser hat {size} Bytes. Legen Sie große Inhalte neben dem Protokoll ab und tragen Sie ihren SHA-256 ein.',
    RECORD_ENTRY_INVALID: 'Der Protokolleintrag ist kein gültiger Eintragsumschlag: {reason}.',
    RECORD_TREE_RANGE: 'Für einen Baum der Größe {size} gibt es kein(e) {what}: {reason}.',
    RECORD_BUNDLE_INVALID: 'Das Eintragsbündel ist fehlerhaft: {reason}.',
    RECORD_KEY_INVALID: 'Der Schlüssel ist ungültig: {reason}.',
    RECORD_NOTE_INVALID: 'Die signierte Notiz ist fehlerhaft: {reason}.',
    RECORD_NOTE_BAD_SIGNATURE: 'Die Signatur des Schlüssels „{name}“ auf der Notiz ist ungültig.',
    RECORD_NOTE_UNSIGNED: 'Die Notiz trägt keine Signatur des Schlüssels „{name}“.',
    RECORD_CHECKPOINT_INVALID: 'Der Checkpoint ist fehlerhaft: {reason}.',
    VERIFY_CHECKPOINT_MISSING: 'Das Protokoll liefert keinen Checkpoint (unter {path}).',
    VERIFY_CHECKPOINT_INVALID: 'Der Checkpoint des Protokolls ({path}) ist fehlerhaft: {reason}.',
    VERIFY_SIGNATURE_INVALID:
      'Der Checkpoint des Protokolls ({path}) ist nicht gültig von {keyName} signiert: {reason}.',
    VERIFY_ORIGIN_MISMATCH:
      'Der Checkpoint nennt das Protokoll „{found}“, nicht das erwartete „{expected}“.',
    VERIFY_RESOURCE_MISSING:
      'Das Protokoll liefert {path} nicht, das ein Baum der Größe {size} braucht.',
    VERIFY_FETCH_FAILED: '{path} konnte nicht abgerufen werden: {reason}.',
    VERIFY_TILE_MALFORMED: 'Die Hash-Kachel {path} ist fehlerhaft: {reason}.',
    VERIFY_BUNDLE_MALFORMED: 'Das Eintragsbündel {path} ist fehlerhaft: {reason}.',
    VERIFY_ENTRY_MISMATCH:
      'Eintrag {index} (in {path}) wurde verändert: Sein Hash passt nicht zum signierten Baum.',
    VERIFY_TILE_MISMATCH:
      'Die Hash-Kachel {path} wurde verändert: Ihr Hash {hashIndex} weicht von dem ab, den die Einträge ergeben.',
    VERIFY_ROOT_MISMATCH:
      'Weder die Einträge noch die Kacheln ergeben die signierte Wurzel der Größe {size}; die erste Abweichung liegt bei {path}.',
    VERIFY_REPLAY_INVALID:
      'Eintrag {index} lässt sich nicht als Soviet-Ereignis nachspielen: {reason}.',
    VERIFY_BLOB_MISSING:
      'Eintrag {index} protokolliert seine Daten per SHA-256 ({sha256}), und die Quelle des Protokolls liefert diese Daten nicht ({reason}); sie lassen sich daher nicht prüfen.',
    VERIFY_BLOB_MISMATCH:
      'Die für Eintrag {index} gelieferten Daten sind nicht die, die das Protokoll per SHA-256 festhält ({sha256}, {size} Bytes).',
    BALLOT_FILE_EMPTY: 'Die Stimmzetteldatei ist leer.',
    BLT_BAD_HEADER:
      'Zeile {line} der Stimmzetteldatei muss die Zahl der Kandidierenden und der Sitze angeben: {reason}.',
    BLT_BAD_BALLOT: 'Zeile {line} der Stimmzetteldatei ist kein gültiger Stimmzettel: {reason}.',
    BLT_BAD_WITHDRAWN:
      'Zeile {line} der Stimmzetteldatei nennt eine zurückgezogene Kandidatur, die es nicht gibt: {reason}.',
    BLT_NO_END_OF_BALLOTS:
      'Die Stimmzetteldatei endet in Zeile {line} ohne die Zeile „0“, die die Stimmzettel abschließt.',
    BLT_MISSING_NAMES:
      'Die Stimmzetteldatei endet in Zeile {line}, bevor alle {expected} Kandidierenden genannt sind.',
    BLT_BAD_NAME: 'Zeile {line} der Stimmzetteldatei ist kein gültiger Name: {reason}.',
    BLT_TRAILING_TEXT: 'Zeile {line} der Stimmzetteldatei hat Text nach dem Titel: {reason}.',
    PREFLIB_BAD_HEADER: 'Zeile {line} der PrefLib-Datei hat einen fehlerhaften Kopf: {reason}.',
    PREFLIB_BAD_ORDER:
      'Zeile {line} der PrefLib-Datei ist keine gültige Präferenzordnung: {reason}.',
    PREFLIB_NO_ALTERNATIVES:
      'Die PrefLib-Datei gibt nicht an, wie viele Alternativen es gibt (# NUMBER ALTERNATIVES).',
    BALLOT_UNKNOWN_CANDIDATE:
      'Stimmzettel {ballot} nennt „{candidate}“, die oder der in dieser Wahl nicht kandidiert.',
    BALLOT_DUPLICATE_CANDIDATE: 'Stimmzettel {ballot} nennt „{candidate}“ mehr als einmal.',
    BALLOT_BAD_WEIGHT:
      'Stimmzettel {ballot} hat das Gewicht {weight}; ein Gewicht muss eine positive ganze Zahl sein.',
    COUNT_BAD_CANDIDATES: 'Die Kandidierenden sind ungültig: {reason}.',
    COUNT_BAD_SEATS: 'Die Zahl der Sitze muss eine ganze Zahl von 1 bis {max} sein, nicht {seats}.',
    COUNT_METHOD_SINGLE_SEAT: 'Das Verfahren {method} besetzt genau einen Sitz, nicht {seats}.',
    COUNT_UNKNOWN_METHOD:
      'Es gibt kein Zählverfahren „{method}“; nutzen Sie scottish-stv, meek, irv, schulze oder approval.',
    COUNT_TOO_MANY_VOTES:
      'Die Auszählung nach {method} verarbeitet höchstens {max} Stimmen insgesamt, nicht {total}.',
    MOTION_BAD_TALLY: 'Das Abstimmungsergebnis des Antrags ist ungültig: {reason}.',

    ...deErrorsMore,
  },
};
