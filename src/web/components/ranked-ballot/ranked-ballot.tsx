import {
  type KeyboardEvent,
  type PointerEvent,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useReducer,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { type BallotChange, ballotReducer, initialBallot, unranked } from './ranking-reducer.js';
import './ranked-ballot.css';

export interface BallotCandidate {
  readonly id: string;
  readonly name: string;
  /** A second line, e.g. a party or a statement's first words. */
  readonly detail?: string;
}

export interface RankedBallotProps {
  readonly candidates: readonly BallotCandidate[];
  readonly initialRanking?: readonly string[];
  /** Called with the new ranking (most preferred first) after every change. */
  readonly onChange?: (ranking: readonly string[]) => void;
  /** The ballot's accessible name and visible title (e.g. the election's title). */
  readonly title: string;
}

/** Pixels a pointer must travel before a press on the handle becomes a drag. */
const DRAG_THRESHOLD = 4;

interface Drag {
  readonly id: string;
  readonly pointerId: number;
  readonly startY: number;
  readonly from: number;
  /** Vertical middles of the ranked rows when the drag started, in row order. */
  readonly middles: readonly number[];
  readonly height: number;
  readonly dy: number;
  readonly to: number;
  readonly moved: boolean;
}

/**
 * A ranked ballot that works with touch, mouse and keyboard alone (issue 6): the voter
 * ranks candidates next with a button, reorders them by dragging the handle, with the
 * up/down buttons, or from the keyboard (Space or Enter on the handle picks a candidate
 * up, the arrow keys move it, Home/End send it to the top or bottom, Space or Enter drops
 * it, Escape puts it back, Delete removes it). Every change is announced through a
 * polite live region, in the voter's language.
 */
export function RankedBallot({ candidates, initialRanking, onChange, title }: RankedBallotProps) {
  const { t } = useTranslation();
  const uid = useId();
  const [state, dispatch] = useReducer(ballotReducer, undefined, () =>
    initialBallot(
      candidates.map((c) => c.id),
      initialRanking,
    ),
  );
  const [drag, setDrag] = useState<Drag | null>(null);
  const root = useRef<HTMLElement>(null);
  const focusNext = useRef<string | null>(null);
  const suppressClick = useRef(false);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const nameOf = (id: string): string => byId.get(id)?.name ?? id;

  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const { ranking } = state;
  useEffect(() => {
    onChangeRef.current?.(ranking);
  }, [ranking]);

  // Moving a row moves its DOM node, which can drop focus: put it back where it belongs.
  useLayoutEffect(() => {
    const key = focusNext.current;
    if (state.seq === 0 || key === null) return;
    focusNext.current = null;
    const target = root.current?.querySelector<HTMLElement>(`[data-focus="${CSS.escape(key)}"]`);
    target?.focus();
  }, [state.seq]);

  const act = useCallback((action: Parameters<typeof dispatch>[0], focus: string | null) => {
    focusNext.current = focus;
    dispatch(action);
  }, []);

  const rest = unranked(state);
  const of = state.ranking.length;

  const onHandleKey = (event: KeyboardEvent<HTMLButtonElement>, id: string, index: number) => {
    const grabbed = state.grabbed?.id === id;
    const handle = `handle:${id}`;
    switch (event.key) {
      case 'ArrowUp':
      case 'ArrowDown': {
        event.preventDefault();
        const by = event.key === 'ArrowUp' ? -1 : 1;
        if (grabbed) act({ kind: 'MoveBy', id, by }, handle);
        else {
          const neighbour = state.ranking[index + by];
          if (neighbour !== undefined) {
            root.current
              ?.querySelector<HTMLElement>(`[data-focus="${CSS.escape(`handle:${neighbour}`)}"]`)
              ?.focus();
          }
        }
        return;
      }
      case 'Home':
      case 'End':
        if (!grabbed) return;
        event.preventDefault();
        act({ kind: 'Move', id, to: event.key === 'Home' ? 0 : of - 1 }, handle);
        return;
      case 'Escape':
        if (!grabbed) return;
        event.preventDefault();
        act({ kind: 'Cancel' }, handle);
        return;
      case 'Delete':
      case 'Backspace':
        event.preventDefault();
        act({ kind: 'Remove', id }, `add:${id}`);
        return;
      case 'Tab':
        if (grabbed) dispatch({ kind: 'Drop' });
        return;
    }
  };

  const onHandleClick = (id: string) => {
    if (suppressClick.current) {
      suppressClick.current = false;
      return;
    }
    if (state.grabbed?.id === id) act({ kind: 'Drop' }, `handle:${id}`);
    else {
      if (state.grabbed) dispatch({ kind: 'Drop' });
      act({ kind: 'Grab', id }, `handle:${id}`);
    }
  };

  const onPointerDown = (event: PointerEvent<HTMLButtonElement>, id: string, index: number) => {
    if (event.button !== 0) return;
    const rows = [...(root.current?.querySelectorAll<HTMLElement>('[data-row]') ?? [])];
    const rects = rows.map((row) => row.getBoundingClientRect());
    const own = rects[index];
    if (!own) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    suppressClick.current = false;
    setDrag({
      id,
      pointerId: event.pointerId,
      startY: event.clientY,
      from: index,
      middles: rects.map((r) => r.top + r.height / 2),
      height: own.height,
      dy: 0,
      to: index,
      moved: false,
    });
  };

  const onPointerMove = (event: PointerEvent<HTMLButtonElement>) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    const dy = event.clientY - drag.startY;
    const moved = drag.moved || Math.abs(dy) > DRAG_THRESHOLD;
    const centre = (drag.middles[drag.from] ?? 0) + dy;
    let to = 0;
    drag.middles.forEach((middle, i) => {
      if (i !== drag.from && middle < centre) to++;
    });
    setDrag({ ...drag, dy, moved, to });
  };

  const onPointerUp = (event: PointerEvent<HTMLButtonElement>) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    if (drag.moved) {
      // The click that follows this pointerup is the end of the drag, not a press.
      suppressClick.current = true;
      setTimeout(() => {
        suppressClick.current = false;
      }, 0);
      if (state.grabbed) dispatch({ kind: 'Drop' });
      act({ kind: 'Move', id: drag.id, to: drag.to }, `handle:${drag.id}`);
    }
    setDrag(null);
  };

  /** How far a row is shifted while another is dragged over it (a CSSOM style: CSP-safe). */
  const shiftOf = (index: number): number => {
    if (!drag?.moved) return 0;
    if (index === drag.from) return drag.dy;
    if (drag.from < index && index <= drag.to) return -drag.height;
    if (drag.to <= index && index < drag.from) return drag.height;
    return 0;
  };

  const instructions = `${uid}-help`;
  return (
    <section className="ballot" ref={root} aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`} className="ballot__title">
        {title}
      </h2>
      <p id={instructions} className="ballot__help">
        {t('ballot.instructions')}
      </p>
      <div className="ballot__columns">
        <div className="ballot__column">
          <h3 id={`${uid}-ranked`} className="ballot__heading">
            {t('ballot.yourRanking')}
          </h3>
          {of === 0 ? (
            <p className="ballot__empty">{t('ballot.emptyRanking')}</p>
          ) : (
            <ol className="ballot__ranked" aria-labelledby={`${uid}-ranked`}>
              {state.ranking.map((id, index) => {
                const candidate = byId.get(id);
                const grabbed = state.grabbed?.id === id;
                const dragging = drag?.moved === true && drag.id === id;
                const shift = shiftOf(index);
                const name = nameOf(id);
                return (
                  <li
                    key={id}
                    data-row={id}
                    className={[
                      'ballot__item',
                      grabbed ? 'is-grabbed' : '',
                      dragging ? 'is-dragging' : '',
                      drag?.moved && !dragging ? 'is-shifting' : '',
                    ]
                      .filter(Boolean)
                      .join(' ')}
                    style={shift ? { transform: `translateY(${shift}px)` } : undefined}
                  >
                    <button
                      type="button"
                      className="ballot__handle"
                      data-focus={`handle:${id}`}
                      aria-label={t('ballot.handleLabel', { name, rank: index + 1, of })}
                      aria-describedby={instructions}
                      aria-pressed={grabbed}
                      onClick={() => onHandleClick(id)}
                      onKeyDown={(event) => onHandleKey(event, id, index)}
                      onPointerDown={(event) => onPointerDown(event, id, index)}
                      onPointerMove={onPointerMove}
                      onPointerUp={onPointerUp}
                      onPointerCancel={() => setDrag(null)}
                    >
                      <span className="ballot__grip" aria-hidden="true" />
                      <span className="ballot__rank" aria-hidden="true">
                        {index + 1}
                      </span>
                    </button>
                    <span className="ballot__name">
                      {name}
                      {candidate?.detail ? (
                        <span className="ballot__detail">{candidate.detail}</span>
                      ) : null}
                    </span>
                    <span className="ballot__actions">
                      <button
                        type="button"
                        className="icon-button"
                        data-focus={`up:${id}`}
                        aria-disabled={index === 0}
                        aria-label={t('ballot.moveUp', { name })}
                        onClick={() => act({ kind: 'MoveBy', id, by: -1 }, `up:${id}`)}
                      >
                        <span aria-hidden="true">↑</span>
                      </button>
                      <button
                        type="button"
                        className="icon-button"
                        data-focus={`down:${id}`}
                        aria-disabled={index === of - 1}
                        aria-label={t('ballot.moveDown', { name })}
                        onClick={() => act({ kind: 'MoveBy', id, by: 1 }, `down:${id}`)}
                      >
                        <span aria-hidden="true">↓</span>
                      </button>
                      <button
                        type="button"
                        className="icon-button icon-button--danger"
                        data-focus={`remove:${id}`}
                        aria-label={t('ballot.remove', { name })}
                        onClick={() => act({ kind: 'Remove', id }, `add:${id}`)}
                      >
                        <span aria-hidden="true">×</span>
                      </button>
                    </span>
                  </li>
                );
              })}
            </ol>
          )}
        </div>
        <div className="ballot__column">
          <h3 id={`${uid}-unranked`} className="ballot__heading">
            {t('ballot.notRanked')}
          </h3>
          {rest.length === 0 ? (
            <p className="ballot__empty">{t('ballot.allRanked')}</p>
          ) : (
            <ul className="ballot__unranked" aria-labelledby={`${uid}-unranked`}>
              {rest.map((id, i) => {
                const candidate = byId.get(id);
                const name = nameOf(id);
                const after = rest[i + 1] ?? rest[i - 1];
                return (
                  <li key={id} className="ballot__option">
                    <span className="ballot__name">
                      {name}
                      {candidate?.detail ? (
                        <span className="ballot__detail">{candidate.detail}</span>
                      ) : null}
                    </span>
                    <button
                      type="button"
                      className="button button--small"
                      data-focus={`add:${id}`}
                      aria-label={t('ballot.rankNextLabel', { name, rank: of + 1 })}
                      onClick={() =>
                        act({ kind: 'Add', id }, after ? `add:${after}` : `handle:${id}`)
                      }
                    >
                      {t('ballot.rankNext', { rank: of + 1 })}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      </div>
      {of > 0 ? (
        <button
          type="button"
          className="button button--quiet"
          onClick={() => act({ kind: 'Clear' }, candidates[0] ? `add:${candidates[0].id}` : null)}
        >
          {t('ballot.clear')}
        </button>
      ) : null}
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {state.last ? <span key={state.seq}>{announce(state.last, nameOf, plain(t))}</span> : null}
      </div>
    </section>
  );
}

/**
 * `t` as the helpers below use it, returning plain text: the typed `t` of the whole
 * resource tree is too deep for TypeScript to check inside a helper's string return.
 */
type Translate = (key: string, options?: Record<string, unknown>) => string;
const plain = (t: unknown): Translate => t as Translate;

function announce(change: BallotChange, nameOf: (id: string) => string, t: Translate): string {
  switch (change.kind) {
    case 'cleared':
      return t('ballot.announce.cleared');
    case 'removed':
      return t('ballot.announce.removed', { name: nameOf(change.id), of: change.of });
    case 'atTop':
      return t('ballot.announce.atTop', { name: nameOf(change.id) });
    case 'atBottom':
      return t('ballot.announce.atBottom', { name: nameOf(change.id) });
    default:
      return t(`ballot.announce.${change.kind}`, {
        name: nameOf(change.id),
        rank: change.rank,
        of: change.of,
      });
  }
}
