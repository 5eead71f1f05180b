import { esErrorsMore } from './es-errors.js';
import { esMembers } from './es-members.js';
import { esPrivacy } from './es-privacy.js';

/** Spanish. Keys as in en.ts; plural forms one, many and other (CLDR). */
export const es = {
  ...esMembers,
  ...esPrivacy,
  app: {
    name: 'Soviet',
    tagline: 'Democracia de consejos sobre un registro verificable',
    skipToContent: 'Saltar al contenido',
    mainNavigation: 'Principal',
    footer:
      'Soviet es software libre (AGPL-3.0-or-later). Todo poder nace de una elección, todo mandato es revocable, todo acto queda en el registro.',
    loading: 'Cargando…',
  },
  nav: {
    home: 'Inicio',
    practice: 'Practicar el voto',
    count: 'Escrutar papeletas',
    record: 'Verificar un registro',

    login: 'Iniciar sesión',
    logout: 'Cerrar sesión',
    account: 'Tu cuenta',
    found: 'Fundar una organización',
    join: 'Aceptar una invitación',
    org: 'Organización',
    orgRecord: 'El registro',
    council: 'Consejo',
    motion: 'Moción',
    election: 'Elección',
    recall: 'Revocación',
  },
  language: {
    label: 'Idioma',
  },
  home: {
    startTitle: 'Empezar',
    startText:
      'Funda una organización con sus consejos, o únete a una con la invitación que te dio un miembro.',
    title: 'Democracia de consejos que se puede comprobar',
    lead: 'Soviet organiza una organización en consejos anidados de delegados revocables. Todo poder nace de una elección, todo mandato puede revocarlo quien lo otorgó, y cada acto se escribe en un registro público que cualquiera puede verificar.',
    councilsTitle: 'Consejos de delegados',
    councils:
      'Los miembros se reúnen en consejos de base: una sección, un centro de trabajo, un barrio. Cada uno elige delegados al consejo superior, hasta el congreso. Los delegados llevan las instrucciones de su consejo y votan a la vista de todos.',
    recallTitle: 'Revocación en cualquier momento',
    recall:
      'Los mandatos son cortos y los cargos rotan. Una petición firmada por una parte suficiente del cuerpo electoral convoca una votación de revocación, y el delegado revocado se sustituye en una elección parcial.',
    recordTitle: 'Un registro que nadie puede reescribir',
    record:
      'Cada moción, votación, elección y revocación es una entrada del registro de solo adición de la organización, firmado y publicado, para que cualquiera pueda comprobar que nada se alteró ni se borró.',
    tryTitle: 'Pruébelo ahora',
    tryLead: 'Estas herramientas funcionan en su navegador, sin cuenta:',
    tryPractice: 'Practicar una papeleta preferencial',
    tryPracticeText:
      'ordene candidatos con el dedo, el ratón o el teclado y luego escrute las papeletas de práctica.',
    tryCount: 'Escrutar un archivo de papeletas',
    tryCountText: 'escrute una elección real fase a fase, con un gráfico de cada transferencia.',
    tryRecord: 'Verificar un registro',
    tryRecordText:
      'compruebe el registro firmado de una organización y las pruebas de sus eventos.',
    countingTitle: 'Cómo se escrutan las elecciones',
    counting:
      'Las elecciones de varios puestos usan el voto único transferible, escrutado como en las elecciones locales escocesas; las de un solo puesto usan la segunda vuelta instantánea. Los empates que las reglas dejan a la suerte se sortean a partir del propio registro, de modo que cualquiera puede repetir el sorteo.',
  },
  practice: {
    title: 'Practicar una papeleta preferencial',
    lead: 'Ordene tantos candidatos como quiera, por orden de preferencia. Nada de lo que haga aquí se registra ni se envía.',
    ballotTitle: 'Elección de práctica: delegados al consejo de distrito',
    cast: 'Depositar esta papeleta de práctica',
    castDone: 'Papeleta de práctica depositada: {ranking}.',
    emptyBallot: 'Ordene al menos un candidato antes de depositar la papeleta.',
    boxTitle: 'La urna de práctica',
    boxCount_one: 'Hay {count} papeleta de práctica en la urna.',
    boxCount_many: 'Hay {count} papeletas de práctica en la urna.',
    boxCount_other: 'Hay {count} papeletas de práctica en la urna.',
    boxEmpty: 'La urna está vacía. Deposite una papeleta o llénela con papeletas al azar.',
    fillRandom: 'Añadir {count} papeletas al azar',
    emptyBox: 'Vaciar la urna',
    seats: 'Puestos a cubrir',
    countBox: 'Escrutar las papeletas de práctica',
  },
  countPage: {
    title: 'Escrutar un archivo de papeletas',
    lead: 'Elija un archivo de papeletas en formato .blt (el de la Electoral Reform Society, OpenSTV y los ayuntamientos escoceses) o un archivo PrefLib. Se escruta aquí, en su navegador: el archivo no se envía a ninguna parte.',
    file: 'Archivo de papeletas',
    fileHint: '.blt, o PrefLib .soc, .soi, .toc, .toi',
    method: 'Método de escrutinio',
    methodAuto: 'Automático: VUT para varios puestos, segunda vuelta instantánea para uno',
    seats: 'Puestos a cubrir',
    seatsHint: 'Déjelo vacío para usar el número del archivo.',
    seed: 'Semilla para los empates que se sortean',
    seedHint:
      'Opcional. Soviet usa el punto de control del registro; la misma semilla siempre da los mismos sorteos.',
    count: 'Escrutar',
    counting: 'Escrutando…',
    failed: 'Este archivo no se puede escrutar',
    summary: '{title}: {candidates} candidatos, {ballots} papeletas, {seats} puestos a cubrir.',
    untitled: 'Elección sin título',
    download: 'Descargar el informe (JSON)',
    chooseFile: 'Elija primero un archivo de papeletas.',
  },
  record: {
    title: 'Verificar el registro de una organización',
    lead: 'Su navegador comprueba la firma del último punto de control de la organización con su clave pública y luego prueba que cada evento mostrado está en el registro firmado. No se fía de nada de lo que dice el servidor sin comprobarlo.',
    org: 'Organización',
    orgHint: 'Su nombre corto, como en su dirección; p. ej., acme-branch.',
    vkey: 'Clave pública (vkey)',
    vkeyHint:
      'La clave de verificación de la organización, p. ej., soviet.localhost/acme+1a2b3c4d+AR…. Obténgala de alguien de confianza: este navegador la recuerda para esta organización y le avisa si el registro deja de coincidir con ella.',
    verify: 'Verificar',
    verifying: 'Verificando…',
    verified: 'El registro está verificado',
    verifiedText_one:
      'El punto de control está firmado con la clave de la organización y se ha probado que el último evento está en el registro.',
    verifiedText_many:
      'El punto de control está firmado con la clave de la organización y se ha probado que cada uno de los {count} últimos eventos está en el registro.',
    verifiedText_other:
      'El punto de control está firmado con la clave de la organización y se ha probado que cada uno de los {count} últimos eventos está en el registro.',
    verifiedEmpty:
      'El punto de control está firmado con la clave de la organización. El registro aún no tiene eventos.',
    failed: 'El registro no se puede verificar',
    checkpoint: 'Punto de control',
    origin: 'Registro',
    size: 'Eventos en el registro',
    rootHash: 'Hash raíz',
    keyId: 'ID de clave',
    signature: 'Firma',
    signatureOk: 'verificada',
    consistency: 'Desde su última visita',
    consistencyFirst:
      'Primera comprobación desde este navegador: se recuerda este punto de control para probar la próxima vez que el registro solo ha crecido.',
    consistencySame: 'Sin cambios desde su última comprobación del {date}.',
    consistencyOk:
      'El registro solo ha crecido desde su última comprobación del {date} (de {from} a {to} eventos): probado.',
    consistencyFailed:
      'El registro no es una ampliación del que este navegador vio el {date} (tamaño {from}): {reason}. El registro ha sido reescrito.',
    events: 'Últimos eventos',
    eventsHelp: 'La prueba de inclusión de cada evento conduce al hash raíz firmado.',
    event: 'Evento {seq}',
    type: 'Tipo',
    actorIs: 'por {actor}',
    inLog: 'En el registro',
    proofFailed: 'Prueba fallida',
    data: 'Datos',
    system: 'el sistema',
    proofFailedText: 'Evento {seq}: {reason}.',
    keyChanged:
      'La clave no es la que este navegador recordaba para «{org}». Compruébela con alguien de confianza antes de fiarse de ella.',
    needBoth: 'Indique la organización y su clave pública.',
  },
  recount: {
    title: 'Recuento',
    lead: 'La firma prueba qué registro firmó la organización, no que lo que registra sea cierto. El recuento comprueba en este navegador cada entrada del registro y vuelve a calcular cada decisión del sistema (cada escrutinio, resultado, mandato y pago, y las elecciones que abren las reglas) a partir de las papeletas publicadas y de las reglas, y compara cada una con el registro.',
    start: 'Recontar cada decisión',
    again: 'Recontar de nuevo',
    working: 'Recontando…',
    verifying: 'Comprobando cada entrada del registro: {done} de {total}',
    recounting: 'Recalculando las decisiones: {done} de {total} entradas',
    clean: 'Cada resultado coincide con las papeletas',
    cleanText:
      'Cada decisión del sistema en el registro es la que dan las reglas a partir de las papeletas publicadas y de los actos anteriores.',
    entries: 'Entradas recontadas',
    decisions: 'Decisiones del sistema recalculadas',
    acts: 'Actos de miembros comprobados con las reglas',
    elections: 'Elecciones escrutadas',
    motions: 'Mociones decididas',
    recallVotes: 'Votaciones de revocación escrutadas',
    budgetRounds: 'Presupuestos participativos escrutados',
    mandates: 'Mandatos otorgados',
    payments: 'Pagos comprobados',
    departs: 'El recuento no coincide con el registro',
    entry: 'Entrada {seq} ({type}), {subject}:',
    end: 'el final del registro',
    inBox: '{subject}, urna {box}',
    departsHelp:
      'El registro está firmado, pero esta decisión no es la que dan las reglas: quien gestiona el servidor la ha reescrito, o el servidor tiene un fallo. Guarde una copia del registro (soviet export) y avise a la organización.',
    failed: 'No se pudo hacer el recuento',
    about: {
      election: 'elección {id}',
      motion: 'moción {id}',
      amendment: 'enmienda {id}',
      recall: 'petición de revocación {id}',
      round: 'presupuesto participativo {id}',
      authorisation: 'autorización {id}',
      mandate: 'mandato {id}',
      group: 'grupo de escaños {id}',
      member: 'miembro {id}',
      council: 'consejo {id}',
      box: 'urna {id}',
      deadline: 'el plazo {id}',
      organisation: 'la organización',
    },
    reason: {
      differs: '{what}: el registro dice {recorded}, las reglas dan {recounted}.',
      anotherEvent: 'el registro contiene {recorded} donde las reglas dan {recounted}.',
      unexplained:
        'el registro contiene {recorded}, pero ningún plazo ni ningún acto lo produce aquí.',
      missing: 'el registro termina donde las reglas dan {recounted}.',
      refused: 'las reglas rechazan este acto: {refusal}',
      published:
        'el registro publica {recorded} papeletas de esta urna, pero se emitieron {recounted}.',
      cast: 'el registro cuenta esta papeleta secreta como la número {recorded} de su urna; las reglas dan {recounted}.',
      roll: 'el registro cuenta {recorded} papeletas en esta urna, más que votantes en su censo.',
      noBox:
        'el registro contiene una papeleta secreta que ninguna urna abierta acepta en ese momento.',
      seed: 'el sorteo usa la semilla {recorded}, que no es el punto de control de este registro al cierre.',
      unfinished: 'el registro termina sin la decisión que las reglas dan en este plazo.',
      unreadable: 'las reglas no se pueden aplicar a esta entrada: {recounted}.',
    },
  },
  notFound: {
    title: 'Página no encontrada',
    text: 'No hay nada en esta dirección.',
    home: 'Ir a la página de inicio',
  },
  ballot: {
    instructions:
      'Cada botón «Puesto» añade su candidato al final de su orden. Para reordenar, arrastre un candidato por su asa, use los botones de flecha, o enfoque el asa y pulse Espacio para tomarlo, las flechas para moverlo y Espacio otra vez para soltarlo (Escape lo devuelve a su sitio, Suprimir lo quita).',
    yourRanking: 'Su orden de preferencia',
    notRanked: 'Sin ordenar',
    emptyRanking: 'Aún no ha ordenado a nadie. Elija «Puesto 1» junto a su primera opción.',
    allRanked: 'Ha ordenado a todos los candidatos.',
    handleLabel: '{name}, puesto {rank} de {of}. Reordenar',
    moveUp: 'Subir a {name}',
    moveDown: 'Bajar a {name}',
    remove: 'Quitar a {name} de su orden',
    rankNext: 'Puesto {rank}',
    rankNextLabel: 'Puesto {rank}: {name}',
    clear: 'Borrar mi orden',
    announce: {
      added: '{name} en el puesto {rank} de {of}.',
      removed: '{name} quitado de su orden. {of} ordenados.',
      moved: '{name} movido al puesto {rank} de {of}.',
      grabbed:
        '{name} tomado, en el puesto {rank} de {of}. Use las flechas para moverlo, Espacio para soltarlo, Escape para cancelar.',
      dropped: '{name} soltado en el puesto {rank} de {of}.',
      cancelled: 'Movimiento cancelado. {name} vuelve al puesto {rank} de {of}.',
      atTop: '{name} ya es el primero.',
      atBottom: '{name} ya es el último.',
      cleared: 'Su orden se ha borrado.',
    },
  },
  count: {
    result: 'Resultado del escrutinio',
    resultOf: 'Resultado: {title}',
    method: 'Método',
    methods: {
      'scottish-stv': 'Voto único transferible (reglas escocesas)',
      meek: 'Voto único transferible (Meek)',
      irv: 'Segunda vuelta instantánea',
      schulze: 'Schulze',
      approval: 'Voto por aprobación',
    },
    seats: 'Puestos',
    ballots: 'Papeletas',
    validVote: 'Voto válido',
    approvals: 'Aprobaciones',
    quota: 'Cuota',
    elected: 'Elegidos',
    noneElected: 'No se eligió a nadie.',
    seatsUnfilled_one: 'Queda {count} puesto sin cubrir: no había candidatos suficientes.',
    seatsUnfilled_many: 'Quedan {count} puestos sin cubrir: no había candidatos suficientes.',
    seatsUnfilled_other: 'Quedan {count} puestos sin cubrir: no había candidatos suficientes.',
    lots: 'Empates resueltos por sorteo',
    lot: {
      exclude: 'Fase {stage}: {among} empataban para la exclusión; el sorteo excluyó a {chosen}.',
      'surplus-order':
        'Fase {stage}: {among} tenían excedentes iguales; el sorteo transfirió primero el de {chosen}.',
      elect: 'Fase {stage}: {among} empataban para la elección; el sorteo eligió a {chosen}.',
      rank: '{among} empataban; el sorteo puso a {chosen} por delante.',
    },
    previousStage: 'Anterior',
    nextStage: 'Siguiente',
    chooseStage: 'Fase',
    stageOption: 'Fase {stage}: {action}',
    stageHeading: 'Fase {stage} de {of}',
    stageNumber: 'Fase {stage}',
    action: {
      firstPreferences: 'Se cuentan las primeras preferencias.',
      approvals: 'Se cuentan las aprobaciones.',
      firstPreferencesShort: 'primeras preferencias',
      approvalsShort: 'aprobaciones',
      surplus:
        'El excedente de {name} ({surplus} votos) se transfiere con un valor de transferencia de {value}.',
      surplusShort: 'excedente de {name}',
      exclusion_one: '{names} queda excluido y sus papeletas se transfieren.',
      exclusion_many: '{names} quedan excluidos y sus papeletas se transfieren.',
      exclusion_other: '{names} quedan excluidos y sus papeletas se transfieren.',
      exclusionShort: 'exclusión de {names}',
      meek_one: 'Se recalculan los valores de retención de los elegidos ({count} iteración).',
      meek_many: 'Se recalculan los valores de retención de los elegidos ({count} iteraciones).',
      meek_other: 'Se recalculan los valores de retención de los elegidos ({count} iteraciones).',
      meekShort: 'valores de retención recalculados',
    },
    event: {
      elected: {
        quota: '{name} resulta elegido al alcanzar la cuota.',
        'last-seats': '{name} resulta elegido: quedan tantos candidatos como puestos.',
        majority: '{name} resulta elegido con la mayoría de los votos que siguen en juego.',
        highest: '{name} resulta elegido con más votos.',
      },
      excluded: {
        lowest: '{name} queda excluido por tener menos votos.',
        bulk: '{name} queda excluido junto con otros que ya no podían alcanzarlos.',
      },
    },
    chartTitle: 'Votos en la fase {stage}',
    chartDescription:
      'Una barra por candidato: votos antes de la fase, lo que la fase le transfirió o le quitó, y la cuota. La tabla de abajo da las mismas cifras.',
    quotaLine: 'Cuota {quota}',
    legend: {
      before: 'Votos antes de la fase',
      gain: 'Recibidos en esta fase',
      loss: 'Transferidos a otros',
      quota: 'Cuota',
    },
    tableCaption: 'Cifras de la fase {stage}',
    candidate: 'Candidato',
    before: 'Antes',
    transfer: 'Transferencia',
    after: 'Después',
    keepValue: 'Valor de retención',
    standing: 'Situación',
    standings: {
      elected: 'Elegido',
      excluded: 'Excluido',
      continuing: 'Sigue',
    },
    nonTransferable: 'No transferibles',
    lostToRounding: 'Perdidos por redondeo',
    total: 'Total',
    allStages: 'Todas las fases',
    ranking: 'Clasificación',
    pairwise: 'Enfrentamientos por pares',
    pairwiseHelp:
      'Cada celda da el número de papeletas que sitúan al candidato de la fila por delante del de la columna.',
  },
  problems: {
    network: 'No se puede contactar con el servidor. Compruebe su conexión y vuelva a intentarlo.',
    unexpected: 'Algo inesperado ha fallado. Vuelva a intentarlo.',
    badResponse:
      'El servidor ha enviado una respuesta que esta página no entiende (estado {status}).',
    requestId: 'Referencia: {requestId}',
  },
  errors: {
    INTERNAL:
      'Algo ha fallado en el servidor. Ha quedado registrado con el identificador de solicitud {requestId}.',
    NOT_FOUND: 'No hay nada en esta dirección.',
    BAD_REQUEST: 'La solicitud no es válida: {reason}.',
    USAGE: '{reason}',
    STORE_CLOSED: 'La base de datos está cerrada: el servidor se está deteniendo.',
    STORE_UNAVAILABLE: 'No se puede abrir la base de datos en {target}: {reason}.',
    ORG_NOT_FOUND: 'No existe ninguna organización llamada «{org}».',
    ORG_EXISTS: 'Ya existe una organización llamada «{org}».',
    ORG_BAD_SLUG:
      'El nombre de una organización debe tener de 1 a 63 letras minúsculas, cifras o guiones, empezando por una letra o cifra; «{org}» no vale.',
    LOG_INCONSISTENT:
      'El registro de «{org}» no prolonga su último punto de control firmado ({reason}); no se ha firmado nada. Ejecute `soviet fsck {org}`.',
    LOG_BAD_TILE: 'No existe la tesela {path} en este registro.',
    LOG_BAD_PROOF_REQUEST: 'No se puede dar ninguna prueba para {what}: {reason}.',
    LOG_ENTRY_MISSING:
      'Falta la entrada {seq} de «{org}» en la base de datos. Ejecute `soviet fsck {org}`.',
    RECORD_NOT_JSON: 'El valor en {path} no se puede escribir como JSON canónico: {reason}.',
    RECORD_ENTRY_TOO_LARGE:
      'Una entrada del registro puede tener como máximo 65 535 bytes, y esta tiene {size}. Guarde el contenido grande junto al registro y anote su SHA-256.',
    RECORD_ENTRY_INVALID: 'La entrada del registro no es un sobre de entrada válido: {reason}.',
    RECORD_TREE_RANGE: 'No existe {what} para un árbol de tamaño {size}: {reason}.',
    RECORD_BUNDLE_INVALID: 'El paquete de entradas está mal formado: {reason}.',
    RECORD_KEY_INVALID: 'La clave no es válida: {reason}.',
    RECORD_NOTE_INVALID: 'La nota firmada está mal formada: {reason}.',
    RECORD_NOTE_BAD_SIGNATURE: 'La firma de la clave «{name}» en la nota no se verifica.',
    RECORD_NOTE_UNSIGNED: 'La nota no lleva ninguna firma de la clave «{name}».',
    RECORD_CHECKPOINT_INVALID: 'El punto de control está mal formado: {reason}.',
    VERIFY_CHECKPOINT_MISSING: 'El registro no sirve ningún punto de control (en {path}).',
    VERIFY_CHECKPOINT_INVALID:
      'El punto de control del registro ({path}) está mal formado: {reason}.',
    VERIFY_SIGNATURE_INVALID:
      'El punto de control del registro ({path}) no está firmado válidamente por {keyName}: {reason}.',
    VERIFY_ORIGIN_MISMATCH:
      'El punto de control nombra el registro «{found}», no el esperado «{expected}».',
    VERIFY_RESOURCE_MISSING: 'El registro no sirve {path}, que un árbol de tamaño {size} requiere.',
    VERIFY_FETCH_FAILED: 'No se pudo obtener {path}: {reason}.',
    VERIFY_TILE_MALFORMED: 'La tesela de hashes {path} está mal formada: {reason}.',
    VERIFY_BUNDLE_MALFORMED: 'El paquete de entradas {path} está mal formado: {reason}.',
    VERIFY_ENTRY_MISMATCH:
      'La entrada {index} (en {path}) ha sido alterada: su hash no coincide con el árbol firmado.',
    VERIFY_TILE_MISMATCH:
      'La tesela de hashes {path} ha sido alterada: su hash {hashIndex} difiere del que dan las entradas.',
    VERIFY_ROOT_MISMATCH:
      'Ni las entradas ni las teselas reproducen la raíz firmada de tamaño {size}; el primer desacuerdo está en {path}.',
    VERIFY_REPLAY_INVALID:
      'La entrada {index} no se puede reproducir como un evento de Soviet: {reason}.',
    VERIFY_BLOB_MISSING:
      'La entrada {index} registra sus datos por SHA-256 ({sha256}), y la fuente del registro no da esos datos ({reason}), así que no se pueden comprobar.',
    VERIFY_BLOB_MISMATCH:
      'Los datos dados para la entrada {index} no son los que el registro guarda por SHA-256 ({sha256}, {size} bytes).',
    BALLOT_FILE_EMPTY: 'El archivo de papeletas está vacío.',
    BLT_BAD_HEADER:
      'La línea {line} del archivo de papeletas debe dar el número de candidatos y de puestos: {reason}.',
    BLT_BAD_BALLOT: 'La línea {line} del archivo de papeletas no es una papeleta válida: {reason}.',
    BLT_BAD_WITHDRAWN:
      'La línea {line} del archivo de papeletas indica un candidato retirado que no existe: {reason}.',
    BLT_NO_END_OF_BALLOTS:
      'El archivo de papeletas termina en la línea {line} sin la línea «0» que cierra las papeletas.',
    BLT_MISSING_NAMES:
      'El archivo de papeletas termina en la línea {line} antes de nombrar a los {expected} candidatos.',
    BLT_BAD_NAME: 'La línea {line} del archivo de papeletas no es un nombre válido: {reason}.',
    BLT_TRAILING_TEXT:
      'La línea {line} del archivo de papeletas tiene texto después del título: {reason}.',
    PREFLIB_BAD_HEADER:
      'La línea {line} del archivo PrefLib tiene una cabecera mal formada: {reason}.',
    PREFLIB_BAD_ORDER:
      'La línea {line} del archivo PrefLib no es un orden de preferencias válido: {reason}.',
    PREFLIB_NO_ALTERNATIVES:
      'El archivo PrefLib no dice cuántas alternativas hay (# NUMBER ALTERNATIVES).',
    BALLOT_UNKNOWN_CANDIDATE:
      'La papeleta {ballot} ordena a «{candidate}», que no es candidato en esta elección.',
    BALLOT_DUPLICATE_CANDIDATE: 'La papeleta {ballot} ordena a «{candidate}» más de una vez.',
    BALLOT_BAD_WEIGHT:
      'La papeleta {ballot} tiene peso {weight}; un peso debe ser un número entero positivo.',
    COUNT_BAD_CANDIDATES: 'Los candidatos no son válidos: {reason}.',
    COUNT_BAD_SEATS: 'El número de puestos debe ser un número entero de 1 a {max}, no {seats}.',
    COUNT_METHOD_SINGLE_SEAT: 'El método {method} cubre exactamente un puesto, no {seats}.',
    COUNT_UNKNOWN_METHOD:
      'No existe el método de escrutinio «{method}»; use scottish-stv, meek, irv, schulze o approval.',
    COUNT_TOO_MANY_VOTES:
      'El escrutinio {method} admite como máximo {max} votos en total, no {total}.',
    MOTION_BAD_TALLY: 'El recuento de la moción no es válido: {reason}.',

    ...esErrorsMore,
  },
};
