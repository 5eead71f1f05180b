import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { type CouncilSpec, soviet } from '../api/soviet-api.js';
import { ActionError, useAction } from '../components/action.js';
import { orgPath } from '../router/match.js';
import { navigate } from '../router/use-route.js';
import { refreshSession, useSession } from '../session/session.js';
import { AccountFields } from './account-fields.js';

/** A council of the tree being drawn up (`key` keeps React's identity across edits). */
interface Draft {
  readonly key: number;
  readonly name: string;
  readonly offices: string;
  readonly children: readonly Draft[];
}

let nextKey = 1;
const draft = (name: string, children: readonly Draft[] = []): Draft => ({
  key: nextKey++,
  name,
  offices: 'chair, secretary, treasurer',
  children,
});

/** Replaces the node at `path` (child indexes) by `f(node)`; `f` may return null to remove it. */
function edit(root: Draft, path: readonly number[], f: (d: Draft) => Draft | null): Draft {
  if (path.length === 0) return f(root) ?? root;
  const [head, ...rest] = path as [number, ...number[]];
  const children = root.children.flatMap((child, i) => {
    if (i !== head) return [child];
    if (rest.length === 0) {
      const changed = f(child);
      return changed ? [changed] : [];
    }
    return [edit(child, rest, f)];
  });
  return { ...root, children };
}

function toSpec(d: Draft): CouncilSpec {
  const offices = d.offices
    .split(',')
    .map((o) => o.trim().toLowerCase())
    .filter(Boolean);
  return {
    name: d.name.trim(),
    offices,
    ...(d.children.length ? { children: d.children.map(toSpec) } : {}),
  };
}

function leaves(d: Draft): string[] {
  return d.children.length === 0 ? [d.name.trim()].filter(Boolean) : d.children.flatMap(leaves);
}

const slugOf = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);

/**
 * `/found`: found an organisation (RULES.md, Organisation and councils): its name, its
 * council tree (the congress at the root, delegate councils with councils under them,
 * base councils at the leaves), and the base council the founder joins as an ordinary
 * member. Without a session, the founder's account is created with it.
 */
export function FoundPage() {
  const { t } = useTranslation();
  const uid = useId();
  const session = useSession();
  const loggedIn = session.kind === 'ready' && session.session.account !== null;
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [founderName, setFounderName] = useState('');
  const [tree, setTree] = useState<Draft>(() => draft('Congress', [draft(''), draft('')]));
  const [founderCouncil, setFounderCouncil] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();
  const bases = leaves(tree);
  const chosen = bases.includes(founderCouncil) ? founderCouncil : (bases[0] ?? '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await action.run(async () => {
      const founded = await soviet.found({
        name: name.trim(),
        slug: slug || slugOf(name),
        founderName: founderName.trim(),
        founderCouncil: chosen,
        councils: toSpec(tree),
        ...(loggedIn ? {} : { account: { username: username.trim(), password } }),
      });
      api.resetCsrf();
      await refreshSession();
      navigate(orgPath(founded.org));
    });
  };

  const renderNode = (d: Draft, path: readonly number[]) => {
    const label = [1, ...path.map((i) => i + 1)].join('.');
    const shown = d.name.trim() || t('found.unnamed', { number: label });
    return (
      <li key={d.key} className="tree-editor__node">
        <fieldset className="tree-editor__council">
          <legend>
            {path.length === 0
              ? t('found.congress')
              : d.children.length
                ? t('found.delegateCouncil', { number: label })
                : t('found.baseCouncil', { number: label })}
          </legend>
          <div className="field">
            <label htmlFor={`${uid}-n-${d.key}`}>{t('found.councilName', { number: label })}</label>
            <input
              id={`${uid}-n-${d.key}`}
              value={d.name}
              required
              onChange={(e) =>
                setTree((root) => edit(root, path, (x) => ({ ...x, name: e.target.value })))
              }
            />
          </div>
          <div className="field">
            <label htmlFor={`${uid}-o-${d.key}`}>{t('found.offices', { number: label })}</label>
            <input
              id={`${uid}-o-${d.key}`}
              value={d.offices}
              aria-describedby={`${uid}-offices-hint`}
              onChange={(e) =>
                setTree((root) => edit(root, path, (x) => ({ ...x, offices: e.target.value })))
              }
            />
          </div>
          <div className="button-row">
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() =>
                setTree((root) =>
                  edit(root, path, (x) => ({ ...x, children: [...x.children, draft('')] })),
                )
              }
            >
              {t('found.addUnder', { name: shown })}
            </button>
            {path.length > 0 ? (
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => setTree((root) => edit(root, path, () => null))}
              >
                {t('found.remove', { name: shown })}
              </button>
            ) : null}
          </div>
        </fieldset>
        {d.children.length ? (
          <ul className="tree-editor">{d.children.map((c, i) => renderNode(c, [...path, i]))}</ul>
        ) : null}
      </li>
    );
  };

  return (
    <>
      <h1>{t('found.title')}</h1>
      <p className="lead">{t('found.lead')}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <section className="card">
          <h2>{t('found.organisation')}</h2>
          <div className="field">
            <label htmlFor={`${uid}-name`}>{t('found.name')}</label>
            <input
              id={`${uid}-name`}
              value={name}
              required
              onChange={(e) => {
                setName(e.target.value);
                if (!slugEdited) setSlug(slugOf(e.target.value));
              }}
            />
          </div>
          <div className="field">
            <label htmlFor={`${uid}-slug`}>{t('found.slug')}</label>
            <input
              id={`${uid}-slug`}
              value={slug}
              autoCapitalize="none"
              spellCheck={false}
              aria-describedby={`${uid}-slug-hint`}
              onChange={(e) => {
                setSlug(e.target.value);
                setSlugEdited(true);
              }}
            />
            <span id={`${uid}-slug-hint`} className="field__hint">
              {t('found.slugHint')}
            </span>
          </div>
        </section>
        <section className="card">
          <h2>{t('found.councils')}</h2>
          <p>{t('found.councilsHelp')}</p>
          <p id={`${uid}-offices-hint`} className="field__hint">
            {t('found.officesHint')}
          </p>
          <ul className="tree-editor tree-editor--root">{renderNode(tree, [])}</ul>
        </section>
        <section className="card">
          <h2>{t('found.you')}</h2>
          <div className="field">
            <label htmlFor={`${uid}-fn`}>{t('found.yourName')}</label>
            <input
              id={`${uid}-fn`}
              autoComplete="name"
              value={founderName}
              required
              onChange={(e) => setFounderName(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${uid}-fc`}>{t('found.yourCouncil')}</label>
            <select
              id={`${uid}-fc`}
              value={chosen}
              onChange={(e) => setFounderCouncil(e.target.value)}
            >
              {bases.map((b) => (
                <option key={b} value={b}>
                  {b}
                </option>
              ))}
            </select>
          </div>
          <p className="muted">{t('found.noPower')}</p>
          {loggedIn ? null : (
            <AccountFields
              username={username}
              password={password}
              onUsername={setUsername}
              onPassword={setPassword}
            />
          )}
        </section>
        <ActionError action={action} title={t('found.failed')} />
        <div>
          <button type="submit" className="button" aria-disabled={action.busy}>
            {t('found.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
