import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CandidateEvent,
  CountReport,
  CountStage,
  LotDrawn,
} from '../../../counting/report.js';
import { formatList } from '../../i18n/format.js';
import { useLocale } from '../../i18n/use-locale.js';
import {
  actionCandidates,
  candidateName,
  formatVotes,
  nonTransferableRow,
  stageRows,
} from './count-model.js';
import { StageChart } from './stage-chart.js';
import './count-view.css';

export interface CountViewProps {
  readonly report: CountReport;
  /** The election's title (a ballot file's title line). */
  readonly title?: string;
}

/**
 * A count, stage by stage (issue 6: "follow the count stage by stage with a chart of
 * transfers"): the result, then one stage at a time with a bar chart of the transfers
 * and the same figures as a table, then every stage side by side. Figures are exact:
 * the report's integer units are printed without floating-point rounding.
 */
export function CountView({ report, title }: CountViewProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const uid = useId();
  const last = Math.max(report.stages.length - 1, 0);
  const [stageIndex, setStageIndex] = useState(0);
  const index = Math.min(stageIndex, last);
  const stage = report.stages[index];
  const name = (id: string) => candidateName(report, id);
  const fmt = (units: number, signed = false) =>
    formatVotes(units, report.scale, locale, { signed });
  const whole = (n: number) => new Intl.NumberFormat(locale).format(n);

  return (
    <section className="count" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{title ? t('count.resultOf', { title }) : t('count.result')}</h2>
      <div className="grid grid--2">
        <dl className="dl card">
          <dt>{t('count.method')}</dt>
          <dd>{t(`count.methods.${report.method}`)}</dd>
          <dt>{t('count.seats')}</dt>
          <dd>{whole(report.seats)}</dd>
          <dt>{t('count.ballots')}</dt>
          <dd>{whole(report.ballots)}</dd>
          <dt>{t(report.method === 'approval' ? 'count.approvals' : 'count.validVote')}</dt>
          <dd>{fmt(report.totalVotes)}</dd>
          {report.quota !== null ? (
            <>
              <dt>{t('count.quota')}</dt>
              <dd>{fmt(report.quota)}</dd>
            </>
          ) : null}
        </dl>
        <div className="card">
          <h3>{t('count.elected')}</h3>
          {report.elected.length === 0 ? (
            <p>{t('count.noneElected')}</p>
          ) : (
            <ol className="elected-list">
              {report.elected.map((id) => (
                <li key={id}>{name(id)}</li>
              ))}
            </ol>
          )}
          {report.elected.length < report.seats ? (
            <p className="muted">
              {t('count.seatsUnfilled', { count: report.seats - report.elected.length })}
            </p>
          ) : null}
        </div>
      </div>

      {report.lots.length > 0 ? <Lots lots={report.lots} name={name} /> : null}

      {report.stages.length === 0 ? (
        <RankingDetail report={report} />
      ) : stage ? (
        <>
          <section className="card" aria-labelledby={`${uid}-stage`}>
            <div className="stage-nav">
              <button
                type="button"
                className="button button--quiet button--small"
                aria-disabled={index === 0}
                onClick={() => setStageIndex(Math.max(index - 1, 0))}
              >
                <span aria-hidden="true">←</span> {t('count.previousStage')}
              </button>
              <div className="field stage-nav__select">
                <label htmlFor={`${uid}-select`} className="visually-hidden">
                  {t('count.chooseStage')}
                </label>
                <select
                  id={`${uid}-select`}
                  value={index}
                  onChange={(event) => setStageIndex(Number(event.target.value))}
                >
                  {report.stages.map((s, i) => (
                    <option key={s.number} value={i}>
                      {t('count.stageOption', {
                        stage: s.number,
                        action: describeAction(s, report, plain(t), name, fmt, true, locale),
                      })}
                    </option>
                  ))}
                </select>
              </div>
              <button
                type="button"
                className="button button--quiet button--small"
                aria-disabled={index === last}
                onClick={() => setStageIndex(Math.min(index + 1, last))}
              >
                {t('count.nextStage')} <span aria-hidden="true">→</span>
              </button>
            </div>
            <h3 id={`${uid}-stage`} aria-live="polite">
              {t('count.stageHeading', { stage: stage.number, of: report.stages.length })}
            </h3>
            <p>{describeAction(stage, report, plain(t), name, fmt, false, locale)}</p>
            {stage.events.length > 0 ? (
              <ul className="events">
                {stage.events.map((event) => (
                  <li
                    key={`${event.kind}-${event.candidate}`}
                    className={`event event--${event.kind}`}
                  >
                    {describeEvent(event, plain(t), name)}
                  </li>
                ))}
              </ul>
            ) : null}
            <StageChart report={report} stageIndex={index} />
            <StageTable report={report} stageIndex={index} />
          </section>
          <AllStages report={report} />
        </>
      ) : null}
    </section>
  );
}

/**
 * `t` as the helpers below use it, returning plain text: the typed `t` of the whole
 * resource tree is too deep for TypeScript to check inside a helper's string return.
 */
type Translate = (key: string, options?: Record<string, unknown>) => string;
const plain = (t: unknown): Translate => t as Translate;

function describeAction(
  stage: CountStage,
  report: CountReport,
  t: Translate,
  name: (id: string) => string,
  fmt: (units: number) => string,
  short: boolean,
  locale: string,
): string {
  const action = stage.action;
  switch (action.kind) {
    case 'FirstPreferences':
      if (report.method === 'approval') {
        return short ? t('count.action.approvalsShort') : t('count.action.approvals');
      }
      return short ? t('count.action.firstPreferencesShort') : t('count.action.firstPreferences');
    case 'SurplusTransfer':
      return short
        ? t('count.action.surplusShort', { name: name(action.candidate) })
        : t('count.action.surplus', {
            name: name(action.candidate),
            surplus: fmt(action.surplus),
            value: fmt(action.transferValue),
          });
    case 'Exclusion': {
      const names = formatList(actionCandidates(stage).map(name), locale);
      return short
        ? t('count.action.exclusionShort', { names })
        : t('count.action.exclusion', { names, count: action.candidates.length });
    }
    case 'MeekIteration':
      return short
        ? t('count.action.meekShort')
        : t('count.action.meek', { count: action.iterations });
  }
}

function describeEvent(event: CandidateEvent, t: Translate, name: (id: string) => string): string {
  return event.kind === 'Elected'
    ? t(`count.event.elected.${event.reason}`, { name: name(event.candidate) })
    : t(`count.event.excluded.${event.reason}`, { name: name(event.candidate) });
}

function StageTable({ report, stageIndex }: { report: CountReport; stageIndex: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const uid = useId();
  const stage = report.stages[stageIndex];
  if (!stage) return null;
  const rows = stageRows(report, stageIndex);
  const nt = nonTransferableRow(report, stageIndex);
  const fmt = (units: number, signed = false) =>
    formatVotes(units, report.scale, locale, { signed });
  const keep = stage.action.kind === 'MeekIteration' ? stage.action.keepValues : null;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways on a phone must be reachable by keyboard (WCAG 2.1.1).
    <section className="table-wrap" aria-labelledby={`${uid}-caption`} tabIndex={0}>
      <table className="table">
        <caption id={`${uid}-caption`}>{t('count.tableCaption', { stage: stage.number })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('count.candidate')}</th>
            <th scope="col" className="num">
              {t('count.before')}
            </th>
            <th scope="col" className="num">
              {t('count.transfer')}
            </th>
            <th scope="col" className="num">
              {t('count.after')}
            </th>
            {keep ? (
              <th scope="col" className="num">
                {t('count.keepValue')}
              </th>
            ) : null}
            <th scope="col">{t('count.standing')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={row.id}>
              <th scope="row">{row.name}</th>
              <td className="num">{fmt(row.before)}</td>
              <td className="num">{row.transfer === 0 ? '' : fmt(row.transfer, true)}</td>
              <td className="num">{fmt(row.after)}</td>
              {keep ? (
                <td className="num">{formatVotes(keep[i] ?? 0, report.scale, locale)}</td>
              ) : null}
              <td>
                <StandingBadge standing={row.standing} />
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('count.nonTransferable')}</th>
            <td className="num">{fmt(nt.before)}</td>
            <td className="num">{nt.transfer === 0 ? '' : fmt(nt.transfer, true)}</td>
            <td className="num">{fmt(nt.after)}</td>
            {keep ? <td /> : null}
            <td />
          </tr>
          {stage.lostToRounding > 0 ? (
            <tr>
              <th scope="row">{t('count.lostToRounding')}</th>
              <td />
              <td />
              <td className="num">{fmt(stage.lostToRounding)}</td>
              {keep ? <td /> : null}
              <td />
            </tr>
          ) : null}
          <tr className="total">
            <th scope="row">{t('count.total')}</th>
            <td />
            <td />
            <td className="num">{fmt(stage.total)}</td>
            {keep ? <td /> : null}
            <td />
          </tr>
        </tbody>
      </table>
    </section>
  );
}

function StandingBadge({ standing }: { standing: 'elected' | 'excluded' | 'continuing' }) {
  const { t } = useTranslation();
  const tone = standing === 'elected' ? 'ok' : standing === 'excluded' ? 'neutral' : 'plain';
  return <span className={`badge badge--${tone}`}>{t(`count.standings.${standing}`)}</span>;
}

/** Every stage side by side: the classic result sheet, scrollable sideways on a phone. */
function AllStages({ report }: { report: CountReport }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const uid = useId();
  const fmt = (units: number, signed = false) =>
    formatVotes(units, report.scale, locale, { signed, maxDecimals: 2 });
  return (
    <div>
      <h3 id={`${uid}-all`}>{t('count.allStages')}</h3>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1). */}
      <section className="table-wrap" aria-labelledby={`${uid}-all`} tabIndex={0}>
        <table className="table table--sheet">
          <thead>
            <tr>
              <th scope="col">{t('count.candidate')}</th>
              {report.stages.map((s) => (
                <th key={s.number} scope="col" className="num">
                  {t('count.stageNumber', { stage: s.number })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.candidates.map((candidate, c) => (
              <tr key={candidate.id}>
                <th scope="row">{candidate.name}</th>
                {report.stages.map((s) => {
                  const transfer = s.transfers[c] ?? 0;
                  return (
                    <td key={s.number} className="num">
                      {s.number > 1 && transfer !== 0 ? (
                        <span className="sheet__transfer">{fmt(transfer, true)}</span>
                      ) : null}
                      {fmt(s.votes[c] ?? 0)}
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr>
              <th scope="row">{t('count.nonTransferable')}</th>
              {report.stages.map((s) => (
                <td key={s.number} className="num">
                  {fmt(s.nonTransferable)}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </section>
    </div>
  );
}

function Lots({ lots, name }: { lots: readonly LotDrawn[]; name: (id: string) => string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="card">
      <h3>{t('count.lots')}</h3>
      <ul>
        {lots.map((lot) => (
          <li key={`${lot.stage}-${lot.purpose}-${lot.chosen}-${lot.among.join()}`}>
            {t(`count.lot.${lot.purpose}`, {
              stage: lot.stage,
              among: formatList(lot.among.map(name), locale),
              chosen: name(lot.chosen),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Schulze has no stages: its ranking and the pairwise contests are the evidence. */
function RankingDetail({ report }: { report: CountReport }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const whole = (n: number) => new Intl.NumberFormat(locale).format(n);
  const uid = useId();
  const order = report.ranking ?? report.elected;
  const index = new Map(report.candidates.map((c, i) => [c.id, i]));
  const pairwise = report.schulze?.pairwise;
  return (
    <>
      <div className="card">
        <h3>{t('count.ranking')}</h3>
        <ol>
          {order.map((id) => (
            <li key={id}>{candidateName(report, id)}</li>
          ))}
        </ol>
      </div>
      {pairwise ? (
        <div>
          <h3 id={`${uid}-pairs`}>{t('count.pairwise')}</h3>
          <p className="muted">{t('count.pairwiseHelp')}</p>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1). */}
          <section className="table-wrap" aria-labelledby={`${uid}-pairs`} tabIndex={0}>
            <table className="table">
              <thead>
                <tr>
                  <td />
                  {order.map((id) => (
                    <th key={id} scope="col" className="num">
                      {candidateName(report, id)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {order.map((row) => (
                  <tr key={row}>
                    <th scope="row">{candidateName(report, row)}</th>
                    {order.map((col) => {
                      const i = index.get(row) ?? 0;
                      const j = index.get(col) ?? 0;
                      return (
                        <td key={col} className="num">
                          {row === col ? '—' : whole(pairwise[i]?.[j] ?? 0)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
      ) : null}
    </>
  );
}
