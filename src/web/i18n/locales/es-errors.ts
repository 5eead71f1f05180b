/** Spanish sentences of the democracy, accounts, server and service error codes (en-errors.ts). */
export const esErrorsMore = {
  NOT_FOUNDED: 'Esta organización aún no se ha fundado.',
  ALREADY_FOUNDED: 'Esta organización ya se ha fundado.',
  BAD_FOUNDING: 'La organización no se puede fundar así: {reason}.',
  BAD_COMMAND: 'La solicitud no es válida: {reason}.',
  ENTROPY_TOO_SHORT:
    'El servidor aportó demasiado poco azar (se necesitan al menos 32 cifras hexadecimales).',
  SYSTEM_ONLY: 'Solo el propio servidor puede {action}.',
  NOT_A_MEMBER: 'No eres miembro de esta organización.',
  COUNCIL_UNKNOWN: 'No existe el consejo {councilId}.',
  COUNCIL_DISSOLVED: 'El consejo {councilId} se ha disuelto.',
  NOT_BASE_COUNCIL:
    '{councilId} es un consejo de delegados: los miembros pertenecen a consejos de base.',
  NOT_YOUR_COUNCIL: 'Solo puedes invitar a personas a tu propio consejo de base.',
  INVITATION_UNKNOWN: 'Esta invitación no es válida.',
  INVITATION_USED: 'Esta invitación ya se ha usado.',
  INVITATION_EXPIRED: 'Esta invitación caducó el {expiresAt}.',
  BAD_NAME: 'Un nombre debe tener de 1 a 100 caracteres.',
  SAME_COUNCIL: 'Ya eres miembro de ese consejo.',
  ELECTION_UNKNOWN: 'No existe la elección {electionId}.',
  NOT_IN_VOTING_BODY: 'Solo los miembros del órgano de voto de {councilId} pueden {action}.',
  NOT_IN_CONSTITUENCY:
    '{candidateId} no puede presentarse: las candidaturas deben ser miembros del órgano de voto de {councilId}.',
  NOMINATIONS_CLOSED: 'Las candidaturas de esta elección están cerradas.',
  ALREADY_NOMINATED: '{candidateId} ya ha sido propuesto.',
  NOT_NOMINATED: 'No te han propuesto en esta elección.',
  ROTATION_CONSECUTIVE:
    '{candidateId} no puede presentarse: sería su mandato {terms} seguido en este puesto, y el límite es {limit} (rotación).',
  ROTATION_CONCURRENT:
    '{candidateId} no puede presentarse: tendría {count} mandatos a la vez, y el límite es {limit} (rotación).',
  ALREADY_HOLDS_SEAT:
    '{candidateId} ya ocupa un puesto de este grupo más allá del fin de esta elección.',
  VOTING_NOT_OPEN: 'Esta votación no está abierta.',
  ALREADY_VOTED: 'Ya has votado en esta votación.',
  NOT_ON_ROLL: 'No estás en el censo de esta votación: el censo se fijó al abrirse la votación.',
  BAD_BALLOT: 'Esta papeleta no es válida: {reason}.',
  GROUP_UNKNOWN: 'No existe el grupo de puestos {groupKey}.',
  NO_VACANCY: 'No hay ningún puesto vacante que elegir en {groupKey}.',
  ELECTION_ALREADY_OPEN: 'Ya hay una elección abierta para {groupKey} ({electionId}).',
  MANDATE_UNKNOWN: 'No existe el mandato {mandateId}.',
  MANDATE_NOT_SITTING: 'El mandato {mandateId} ya ha terminado.',
  NOT_HOLDER: 'Solo quien ocupa un mandato puede renunciar a él.',
  RECALL_ALREADY_OPEN: 'Ya hay una revocación de este mandato en curso ({petitionId}).',
  RECALL_COOLDOWN:
    'Una votación revocatoria de este mandato fracasó hace poco; puede abrirse una nueva petición a partir del {until}.',
  REASON_REQUIRED: 'Una petición de revocación debe indicar un motivo.',
  BREACH_UNKNOWN:
    'El incumplimiento {breachId} no es un incumplimiento de quien ocupa este mandato.',
  PETITION_UNKNOWN: 'No existe la petición de revocación {petitionId}.',
  PETITION_CLOSED: 'Esta petición de revocación ya no admite firmas.',
  ALREADY_SIGNED: 'Ya has firmado esta petición.',
  MOTION_UNKNOWN: 'No existe la moción {motionId}.',
  MOTION_NOT_ALLOWED: 'Esta moción no se puede proponer aquí: {reason}.',
  PARAMETER_OUT_OF_BOUNDS: 'La constitución no se puede cambiar así: {reason}.',
  MOTION_PHASE: 'La moción está en la fase «{phase}»: ahora no puedes {action}.',
  CANNOT_SECOND_OWN: 'No puedes apoyar tu propia moción.',
  ALREADY_SECONDED: 'Ya has apoyado esta moción.',
  NOT_PROPOSER: 'Solo quien la propuso puede retirar una moción.',
  AMENDMENT_UNKNOWN: 'No existe la enmienda {amendmentId}.',
  NOT_TREASURER:
    'Solo la tesorería de {councilId}, un cargo que elige su órgano de voto, puede {action}.',
  LEDGER_NOT_OPEN: 'El consejo {councilId} aún no tiene libro de cuentas: lo abre su tesorería.',
  LEDGER_ALREADY_OPEN: 'El consejo {councilId} ya lleva un libro de cuentas, en {currency}.',
  CURRENCY_MISMATCH:
    'Eso está en {currency}, pero el libro de {councilId} se lleva en {ledgerCurrency}.',
  LEDGER_ACCOUNT_UNKNOWN: 'El libro de {councilId} no tiene la cuenta «{account}».',
  LEDGER_ACCOUNT_EXISTS: 'El libro de {councilId} ya tiene una cuenta «{account}».',
  LEDGER_ACCOUNT_TYPE: 'La cuenta «{account}» es de tipo {type}, pero {needed}.',
  INSUFFICIENT_FUNDS: 'La cuenta «{account}» tiene {balance}: no puede dar {amount}.',
  AMOUNT_TOO_LARGE:
    'Esa cantidad llevaría una cuenta de {councilId} más allá de lo que el libro puede contar.',
  AUTHORISATION_UNKNOWN:
    'No existe la autorización de gasto {authorisationId}: el dinero solo sale de la tesorería por una moción de gasto aprobada o un presupuesto participativo adoptado.',
  AUTHORISATION_EXCEEDED:
    'A la autorización {authorisationId} le quedan {remaining} por pagar: {amount} es más de lo autorizado.',
  WAGE_CAP_NOT_SET:
    'Ningún cargo puede cobrar hasta que el congreso fije el tope salarial (una moción constitucional sobre wageCap y wageCapCurrency).',
  WAGE_CAP_CURRENCY:
    'El tope salarial está en {capCurrency}, pero esta retribución está en {currency}: el congreso debe fijar antes el tope en esa moneda.',
  WAGE_CAP_EXCEEDED:
    '{memberId} ha cobrado {paid} por su cargo este mes; {amount} más superaría el tope salarial de {cap}.',
  ROUND_UNKNOWN: 'No existe la ronda presupuestaria {roundId}.',
  ROUND_PHASE: 'La ronda presupuestaria está en la fase «{phase}»: ahora no puedes {action}.',
  PROJECT_UNKNOWN: 'No existe el proyecto {projectId}.',
  NOT_IN_ELECTORATE:
    'Solo los miembros de los consejos bajo {councilId} (o del propio {councilId}) pueden {action} en su ronda presupuestaria.',
  NOT_PROJECT_PROPOSER: 'Solo quien lo propuso puede retirar un proyecto.',
  PROJECT_TOO_EXPENSIVE:
    'El proyecto cuesta {cost}, más que todo el presupuesto de la ronda ({budget}).',
  UNAUTHENTICATED: 'Tienes que iniciar sesión para hacer esto.',
  SESSION_EXPIRED:
    'Tu sesión ha terminado (cerrada o inactiva demasiado tiempo). Inicia sesión de nuevo.',
  LOGIN_FAILED: 'El nombre de usuario o la contraseña no son correctos.',
  LOGIN_THROTTLED:
    'Demasiados intentos fallidos: espera {seconds} segundos antes de volver a intentarlo. Se avisará a quien tiene la cuenta.',
  BAD_USERNAME:
    'Un nombre de usuario debe tener de 3 a 64 caracteres: minúsculas, cifras, puntos, guiones o guiones bajos, empezando por una letra o una cifra.',
  USERNAME_TAKEN: 'El nombre de usuario «{username}» ya está ocupado.',
  WEAK_PASSWORD: 'Esta contraseña es demasiado débil: {reason}.',
  WRONG_PASSWORD: 'La contraseña actual no es correcta.',
  ALREADY_A_MEMBER: 'Tu cuenta ya es miembro de «{org}»; una persona es un miembro.',
  INVITATION_BUSY: 'Otra persona está aceptando esta invitación.',
  NOT_AN_ORG_MEMBER: 'Tu cuenta no es miembro de «{org}».',
  MEMBERSHIP_ENDED: 'Tu pertenencia a «{org}» ha terminado ({status}).',
  BODY_TOO_LARGE:
    'El cuerpo de la solicitud es mayor de lo que admite esta dirección ({limit} bytes).',
  UNSUPPORTED_MEDIA_TYPE:
    'El cuerpo de la solicitud debe ser JSON (Content-Type: application/json).',
  CSRF_ORIGIN:
    'Esta solicitud no procede de este sitio (falta su Origin o Referer, o es ajeno), así que se rechazó.',
  CSRF_TOKEN:
    'A esta solicitud le falta su código de seguridad o es erróneo. Recarga la página y vuelve a intentarlo.',
  RATE_LIMITED:
    'Demasiadas solicitudes de este tipo: espera {seconds} segundos y vuelve a intentarlo.',
  SYSTEM_ACTOR_RESERVED:
    'Solo el propio servidor actúa como «system»; una solicitud debe actuar como miembro.',
  MEMBER_UNKNOWN: 'No existe el miembro {memberId}.',
  BALLOT_BOX_UNKNOWN: 'No existe la urna {boxId}.',
  RECEIPT_UNKNOWN:
    'Ninguna papeleta publicada tiene el resguardo {receipt}. Las papeletas se publican al cerrar la votación; revisa si hay errores al teclear el resguardo.',
  ALREADY_ERASED: 'Estos datos personales ya se borraron.',
  ERASURE_TREASURER:
    'Usted lleva la tesorería del consejo {councilId}, que tiene dinero: renuncie al cargo para que lo asuma otra persona elegida y vuelva a pedirlo.',
  RECORD_MEMBERS_ONLY:
    'El registro de {org} solo está abierto a sus miembros (así lo dice su constitución): inicie sesión como miembro o presente un token de lectura concedido por la organización.',
  RECORD_MEMBERS_ONLY_FORBIDDEN:
    'El registro de {org} solo está abierto a sus miembros (así lo dice su constitución), y esta cuenta no es miembro activo.',
  READ_TOKEN_INVALID:
    'Este token de lectura no es válido para el registro de {org}: nunca se concedió o la organización lo revocó.',
};
