/** Russian sentences of the democracy, accounts, server and service error codes (en-errors.ts). */
export const ruErrorsMore = {
  NOT_FOUNDED: 'Эта организация ещё не учреждена.',
  ALREADY_FOUNDED: 'Эта организация уже учреждена.',
  BAD_FOUNDING: 'Так учредить организацию нельзя: {reason}.',
  BAD_COMMAND: 'Запрос недействителен: {reason}.',
  ENTROPY_TOO_SHORT:
    'Сервер предоставил слишком мало случайности (нужно не меньше 32 шестнадцатеричных цифр).',
  SYSTEM_ONLY: 'Только сам сервер может {action}.',
  NOT_A_MEMBER: 'Вы не член этой организации.',
  COUNCIL_UNKNOWN: 'Совета {councilId} нет.',
  COUNCIL_DISSOLVED: 'Совет {councilId} распущен.',
  NOT_BASE_COUNCIL: '{councilId} — совет делегатов: члены состоят в первичных советах.',
  NOT_YOUR_COUNCIL: 'Приглашать можно только в свой первичный совет.',
  INVITATION_UNKNOWN: 'Это приглашение недействительно.',
  INVITATION_USED: 'Это приглашение уже использовано.',
  INVITATION_EXPIRED: 'Срок этого приглашения истёк {expiresAt}.',
  BAD_NAME: 'Имя должно содержать от 1 до 100 символов.',
  SAME_COUNCIL: 'Вы уже состоите в этом совете.',
  ELECTION_UNKNOWN: 'Выборов {electionId} нет.',
  NOT_IN_VOTING_BODY: 'Только члены голосующего состава {councilId} могут {action}.',
  NOT_IN_CONSTITUENCY:
    '{candidateId} не может баллотироваться: кандидаты должны входить в голосующий состав {councilId}.',
  NOMINATIONS_CLOSED: 'Выдвижение на этих выборах закрыто.',
  ALREADY_NOMINATED: '{candidateId} уже выдвинут(а).',
  NOT_NOMINATED: 'Вас не выдвигали на этих выборах.',
  ROTATION_CONSECUTIVE:
    '{candidateId} не может баллотироваться: это был бы {terms}-й срок подряд на этом месте, а предел — {limit} (ротация).',
  ROTATION_CONCURRENT:
    '{candidateId} не может баллотироваться: было бы {count} мандатов одновременно, а предел — {limit} (ротация).',
  ALREADY_HOLDS_SEAT: '{candidateId} уже занимает место этой группы дольше окончания этих выборов.',
  VOTING_NOT_OPEN: 'Это голосование не открыто.',
  ALREADY_VOTED: 'Вы уже проголосовали в этом голосовании.',
  NOT_ON_ROLL: 'Вас нет в списке этого голосования: список был составлен при его открытии.',
  BAD_BALLOT: 'Этот бюллетень недействителен: {reason}.',
  GROUP_UNKNOWN: 'Группы мест {groupKey} нет.',
  NO_VACANCY: 'В {groupKey} нет свободного места для выборов.',
  ELECTION_ALREADY_OPEN: 'Выборы в {groupKey} уже открыты ({electionId}).',
  MANDATE_UNKNOWN: 'Мандата {mandateId} нет.',
  MANDATE_NOT_SITTING: 'Мандат {mandateId} уже закончился.',
  NOT_HOLDER: 'Сложить мандат может только его обладатель.',
  RECALL_ALREADY_OPEN: 'Отзыв по этому мандату уже идёт ({petitionId}).',
  RECALL_COOLDOWN:
    'Голосование об отзыве по этому мандату недавно не прошло; новую петицию можно открыть с {until}.',
  REASON_REQUIRED: 'В петиции об отзыве нужно указать причину.',
  BREACH_UNKNOWN: 'Нарушение {breachId} не является нарушением обладателя этого мандата.',
  PETITION_UNKNOWN: 'Петиции об отзыве {petitionId} нет.',
  PETITION_CLOSED: 'Эта петиция об отзыве больше не принимает подписи.',
  ALREADY_SIGNED: 'Вы уже подписали эту петицию.',
  MOTION_UNKNOWN: 'Предложения {motionId} нет.',
  MOTION_NOT_ALLOWED: 'Это предложение здесь внести нельзя: {reason}.',
  PARAMETER_OUT_OF_BOUNDS: 'Так изменить устав нельзя: {reason}.',
  MOTION_PHASE: 'Предложение на этапе «{phase}»: сейчас нельзя {action}.',
  CANNOT_SECOND_OWN: 'Нельзя поддержать собственное предложение.',
  ALREADY_SECONDED: 'Вы уже поддержали это предложение.',
  NOT_PROPOSER: 'Отозвать предложение может только его автор.',
  AMENDMENT_UNKNOWN: 'Поправки {amendmentId} нет.',
  NOT_TREASURER: 'Только казначей {councilId}, избираемый его голосующим составом, может {action}.',
  LEDGER_NOT_OPEN: 'У совета {councilId} ещё нет кассовой книги: её открывает казначей.',
  LEDGER_ALREADY_OPEN: 'Совет {councilId} уже ведёт кассовую книгу, в {currency}.',
  CURRENCY_MISMATCH: 'Это в {currency}, а книга {councilId} ведётся в {ledgerCurrency}.',
  LEDGER_ACCOUNT_UNKNOWN: 'В книге {councilId} нет счёта «{account}».',
  LEDGER_ACCOUNT_EXISTS: 'В книге {councilId} уже есть счёт «{account}».',
  LEDGER_ACCOUNT_TYPE: 'Счёт «{account}» — счёт типа {type}, но {needed}.',
  INSUFFICIENT_FUNDS: 'На счёте «{account}» {balance}: с него нельзя выдать {amount}.',
  AMOUNT_TOO_LARGE: 'Эта сумма вывела бы счёт {councilId} за пределы того, что может учесть книга.',
  AUTHORISATION_UNKNOWN:
    'Разрешения на расход {authorisationId} нет: деньги уходят из кассы только по принятому предложению о расходе или утверждённому партисипаторному бюджету.',
  AUTHORISATION_EXCEEDED:
    'По разрешению {authorisationId} осталось выплатить {remaining}: {amount} — больше разрешённого.',
  WAGE_CAP_NOT_SET:
    'Ни одна должность не оплачивается, пока съезд не установит потолок оплаты (изменение устава: wageCap и wageCapCurrency).',
  WAGE_CAP_CURRENCY:
    'Потолок оплаты установлен в {capCurrency}, а эта оплата — в {currency}: сначала съезд должен установить потолок в этой валюте.',
  WAGE_CAP_EXCEEDED:
    '{memberId} получил(а) в этом месяце {paid} за должность; ещё {amount} превысило бы потолок {cap}.',
  ROUND_UNKNOWN: 'Бюджетного раунда {roundId} нет.',
  ROUND_PHASE: 'Бюджетный раунд на этапе «{phase}»: сейчас нельзя {action}.',
  PROJECT_UNKNOWN: 'Проекта {projectId} нет.',
  NOT_IN_ELECTORATE:
    'Только члены советов под {councilId} (или самого {councilId}) могут {action} в его бюджетном раунде.',
  NOT_PROJECT_PROPOSER: 'Отозвать проект может только его автор.',
  PROJECT_TOO_EXPENSIVE: 'Проект стоит {cost} — больше всего бюджета раунда ({budget}).',
  UNAUTHENTICATED: 'Для этого нужно войти.',
  SESSION_EXPIRED: 'Ваш сеанс завершён (выход или слишком долгое бездействие). Войдите снова.',
  LOGIN_FAILED: 'Неверное имя пользователя или пароль.',
  LOGIN_THROTTLED:
    'Слишком много неудачных входов: подождите {seconds} с, прежде чем пробовать снова. Владелец учётной записи будет уведомлён.',
  BAD_USERNAME:
    'Имя пользователя — от 3 до 64 символов: строчные латинские буквы, цифры, точки, дефисы или подчёркивания, в начале буква или цифра.',
  USERNAME_TAKEN: 'Имя пользователя «{username}» уже занято.',
  WEAK_PASSWORD: 'Этот пароль слишком слабый: {reason}.',
  WRONG_PASSWORD: 'Текущий пароль неверен.',
  ALREADY_A_MEMBER: 'Ваша учётная запись уже член «{org}»; один человек — один член.',
  INVITATION_BUSY: 'Это приглашение сейчас принимает кто-то другой.',
  NOT_AN_ORG_MEMBER: 'Ваша учётная запись не член «{org}».',
  MEMBERSHIP_ENDED: 'Ваше членство в «{org}» прекращено ({status}).',
  BODY_TOO_LARGE: 'Тело запроса больше, чем принимает этот адрес ({limit} байт).',
  UNSUPPORTED_MEDIA_TYPE: 'Тело запроса должно быть в JSON (Content-Type: application/json).',
  CSRF_ORIGIN:
    'Этот запрос пришёл не с этого сайта (Origin или Referer отсутствует или чужой), поэтому отклонён.',
  CSRF_TOKEN:
    'В запросе нет кода безопасности или он неверен. Обновите страницу и попробуйте снова.',
  RATE_LIMITED: 'Слишком много таких запросов: подождите {seconds} с и попробуйте снова.',
  SYSTEM_ACTOR_RESERVED:
    'Только сам сервер действует как «system»; запрос должен действовать от имени члена.',
  MEMBER_UNKNOWN: 'Члена {memberId} нет.',
  BALLOT_BOX_UNKNOWN: 'Урны {boxId} нет.',
  RECEIPT_UNKNOWN:
    'Ни у одного опубликованного бюллетеня нет квитанции {receipt}. Бюллетени публикуются после закрытия голосования; проверьте квитанцию на опечатки.',
  ALREADY_ERASED: 'Эти личные данные уже удалены.',
  ERASURE_TREASURER:
    'Вы ведёте кассу совета {councilId}, в которой есть деньги: сложите с себя должность, чтобы её принял избранный преемник, и повторите запрос.',
  RECORD_MEMBERS_ONLY:
    'Журнал {org} открыт только для её членов (так сказано в уставе): войдите как член организации или предъявите выданный ею токен чтения.',
  RECORD_MEMBERS_ONLY_FORBIDDEN:
    'Журнал {org} открыт только для её членов (так сказано в уставе), а эта учётная запись не принадлежит действующему члену.',
  READ_TOKEN_INVALID:
    'Этот токен чтения недействителен для журнала {org}: он не выдавался или организация его отозвала.',
};
