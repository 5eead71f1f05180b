import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountReport } from '../../../counting/report.js';
import { useLocale } from '../../i18n/use-locale.js';
import { chartMaximum, formatVotes, nonTransferableRow, stageRows } from './count-model.js';

export interface StageChartProps {
  readonly report: CountReport;
  readonly stageIndex: number;
}

const ROW = 46;
const BAR = 16;
const TOP = 22;
const PAD = 8;

/**
 * One stage of a count as a horizontal bar chart, drawn by hand in SVG at the width it
 * is shown (so labels keep their size on a phone): each candidate's votes before the
 * stage, what the stage transferred to them (or took from them), and the quota line.
 * The axis is fixed across stages so that bars can be compared from stage to stage.
 * The SVG is one labelled image; the stage table beside it carries the same figures for
 * screen readers.
 */
export function StageChart({ report, stageIndex }: StageChartProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const uid = useId();
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(640);
  useEffect(() => {
    const element = box.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w && Math.abs(w - width) > 1) setWidth(Math.floor(w));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [width]);

  const stage = report.stages[stageIndex];
  if (!stage) return null;
  const rows = stageRows(report, stageIndex);
  const nt = nonTransferableRow(report, stageIndex);
  const max = Math.max(chartMaximum(report), 1);
  const plotLeft = PAD;
  const plotWidth = Math.max(width - 2 * PAD, 100);
  const x = (units: number) => plotLeft + (Math.max(units, 0) / max) * plotWidth;
  const fmt = (units: number, signed = false) =>
    formatVotes(units, report.scale, locale, { maxDecimals: 2, signed });
  const lines = [
    ...rows.map((r) => ({ ...r, key: r.id, label: r.name })),
    ...(nt.after > 0 || nt.transfer !== 0
      ? [
          {
            ...nt,
            key: '__nt',
            id: '__nt',
            label: t('count.nonTransferable'),
            standing: 'continuing' as const,
            decidedHere: false,
          },
        ]
      : []),
  ];
  const height = TOP + lines.length * ROW + 6;
  const quota = stage.quota;
  // The first stage counts first preferences: those are the votes, not a transfer.
  const first = stage.action.kind === 'FirstPreferences';

  return (
    <div className="chart" ref={box}>
      <svg
        className="chart__svg"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${uid}-title ${uid}-desc`}
      >
        <title id={`${uid}-title`}>{t('count.chartTitle', { stage: stage.number })}</title>
        <desc id={`${uid}-desc`}>{t('count.chartDescription')}</desc>
        <defs>
          <pattern
            id={`${uid}-loss`}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" className="chart__loss-bg" />
            <line x1="0" y1="0" x2="0" y2="6" className="chart__loss-line" />
          </pattern>
        </defs>
        {lines.map((line, i) => {
          const y = TOP + i * ROW;
          const transfer = first ? 0 : line.transfer;
          const before = first ? line.after : line.before;
          const gain = Math.max(transfer, 0);
          const kept = transfer >= 0 ? before : line.after;
          const lost = Math.max(-transfer, 0);
          const barY = y + 18;
          const endX = x(Math.max(before, line.after));
          const figure =
            transfer === 0 ? fmt(line.after) : `${fmt(line.after)} (${fmt(transfer, true)})`;
          // After the bar when it fits, else inside its end (white on the bar's colour).
          const textWidth = figure.length * 7;
          const inside = endX + 6 + textWidth > width && x(kept) - plotLeft > textWidth + 8;
          return (
            <g key={line.key} className={`chart__row chart__row--${line.standing}`}>
              <text x={plotLeft} y={y + 12} className="chart__label">
                {line.label}
                {line.standing === 'elected' ? ' ✓' : ''}
              </text>
              <rect
                x={plotLeft}
                y={barY}
                width={Math.max(x(kept) - plotLeft, 0)}
                height={BAR}
                className="chart__bar"
              />
              {gain > 0 ? (
                <rect
                  x={x(before)}
                  y={barY}
                  width={Math.max(x(line.after) - x(before), 1)}
                  height={BAR}
                  className="chart__gain"
                />
              ) : null}
              {lost > 0 ? (
                <rect
                  x={x(line.after)}
                  y={barY}
                  width={Math.max(x(before) - x(line.after), 1)}
                  height={BAR}
                  fill={`url(#${uid}-loss)`}
                  className="chart__loss"
                />
              ) : null}
              <text
                x={inside ? x(kept) - 4 : endX + 6}
                y={barY + BAR - 4}
                textAnchor={inside ? 'end' : 'start'}
                className={inside ? 'chart__figure chart__figure--inside' : 'chart__figure'}
              >
                {figure}
              </text>
            </g>
          );
        })}
        {quota !== null ? (
          <g className="chart__quota">
            <line x1={x(quota)} x2={x(quota)} y1={14} y2={height - 4} />
            <text
              x={x(quota)}
              y={11}
              textAnchor={x(quota) > width - 90 ? 'end' : 'middle'}
              className="chart__quota-label"
            >
              {t('count.quotaLine', { quota: fmt(quota) })}
            </text>
          </g>
        ) : null}
      </svg>
      <ul className="chart__legend">
        <li>
          <span className="swatch swatch--bar" aria-hidden="true" />
          {t('count.legend.before')}
        </li>
        <li>
          <span className="swatch swatch--gain" aria-hidden="true" />
          {t('count.legend.gain')}
        </li>
        <li>
          <span className="swatch swatch--loss" aria-hidden="true" />
          {t('count.legend.loss')}
        </li>
        {quota !== null ? (
          <li>
            <span className="swatch swatch--quota" aria-hidden="true" />
            {t('count.legend.quota')}
          </li>
        ) : null}
      </ul>
    </div>
  );
}
