import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { RecountTally } from '../../democracy/audit/index.js';
import { toBase64 } from '../../record/bytes.js';
import { parseCheckpoint } from '../../record/checkpoint.js';
import { recordError } from '../../record/errors.js';
import { nodeEd25519 } from '../../record/node-ed25519.js';
import { nodeTreeHasher } from '../../record/node-tree-hasher.js';
import { type NoteVerifier, parseVerifierKey } from '../../record/note-key.js';
import { openNote, parseNote } from '../../record/signed-note.js';
import { TileCapture } from '../../record/tile-capture.js';
import { CHECKPOINT_PATH } from '../../record/tile-path.js';
import {
  failureError,
  type LogFetcher,
  type LogVerified,
  type VerifyProgress,
  verifyLog,
} from '../../record/verify-log.js';
import { ActCheck } from '../act-check.js';
import { progressBar } from '../progress.js';
import { directoryBlobs, recountError, recountVerified } from '../recount.js';
import {
  compareWithServer,
  type JsonGetter,
  jsonGetter,
  type PageComparison,
  type ReplaySource,
  replaySourceOf,
  serverBlobs,
} from '../replay.js';

/**
 * `soviet verify <url-or-directory> --origin <origin> --key <vkey>`: checks a whole
 * C2SP tlog-tiles log, ours or anyone's (RECORD.md, "Verification", steps 1–3): the
 * checkpoint's signature, every entry and tile against the signed root, and consistency
 * with the checkpoint this machine verified last time (kept per origin in a state file).
 * Exit 0 when verified; on tampering, exit 1 with a line naming the first bad tile or
 * entry. Without --key it checks everything but the signer, and says so.
 *
 * `--replay` adds step 4, on a Soviet server's `…/api/v1/orgs/<org>/log` or on a copy
 * written by `soviet export`: the verified entries are recounted (../recount.ts,
 * democracy/audit): every decision of the system (counts, results, mandates, payments,
 * the elections the rules open) is recomputed by the rules from the state before it and
 * the published ballots, each draw's seed checked to be this log's root at the close;
 * exit 1 with VERIFY_RECOUNT_MISMATCH naming the entry, what it concerns and what
 * differs. On a server, the organisation page the log gives is also compared with the
 * server's `GET …/api/v1/orgs/<org>` (../replay.ts); exit 1 with VERIFY_REPLAY_MISMATCH
 * naming the first differing field. When the server's page is newer than the checkpoint
 * (the log grew meanwhile), it verifies the grown log and replays once more before failing.
 */
export function register(program: Command): void {
  program
    .command('verify')
    .description(
      'verify a transparency log (C2SP tlog-tiles) served at a URL or stored in a directory',
    )
    .argument(
      '<source>',
      'the log prefix: an http(s) URL (…/log) or a directory holding checkpoint and tile/',
    )
    .option('--origin <origin>', "the log's origin, the checkpoint's first line")
    .option('--key <vkey>', "the log's public key, as <name>+<key id>+<base64 key>")
    .option(
      '--state-file <file>',
      'where to keep the last verified checkpoint per origin',
      defaultStateFile(),
    )
    .option('--envelopes', 'also check that every entry is a Soviet entry whose seq is its index')
    .option(
      '--replay',
      "also recount: replay a Soviet log's events and recompute every decision of the system (counts, results, mandates, payments, automatic elections) from the rules and the published ballots; on a server (…/api/v1/orgs/<org>/log) also compare the organisation page it shows. Who voted is not on the log and is not needed",
    )
    .option(
      '--token <token>',
      'a read token the organisation granted by motion, for a record kept to its members (default: $SOVIET_TOKEN)',
    )
    .option('--concurrency <n>', 'fetches in flight at once', '16')
    .option('--json', 'print the result as JSON')
    .action(async (source: string, options: VerifyOptions) => {
      await verifyCommand(source, { ...options, token: options.token ?? process.env.SOVIET_TOKEN });
    });
}

export interface VerifyOptions {
  origin?: string;
  key?: string;
  stateFile: string;
  envelopes?: boolean;
  replay?: boolean;
  /** A read token (Authorization: Bearer) for a record kept to members. */
  token?: string | undefined;
  concurrency: string;
  json?: boolean;
}

/** `~/.config/soviet/verify-state.json`. */
export function defaultStateFile(): string {
  return join(homedir(), '.config', 'soviet', 'verify-state.json');
}

/** The state file: the last signer-verified checkpoint (signed note) of each origin. */
interface VerifyState {
  version: 1;
  checkpoints: Record<string, string>;
}

export async function verifyCommand(source: string, options: VerifyOptions): Promise<void> {
  const concurrency = Number(options.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) {
    throw recordError('VERIFY_SOURCE_INVALID', {
      source,
      reason: '--concurrency must be a whole number from 1 to 256',
    });
  }
  const verifier = options.key === undefined ? undefined : parseVerifierKey(options.key);
  const onServer = /^https?:\/\//i.test(source);
  const replaySource: ReplaySource | undefined =
    options.replay && onServer ? replaySourceOf(source) : undefined;
  const fetcher = await fetcherFor(source, options.token);
  const getJson = jsonGetter(options.token);
  const stateFile = resolve(options.stateFile);
  const state = await readState(stateFile);

  // Read the checkpoint once up front to learn which origin's state applies; the
  // verifier then sees the very same bytes.
  let firstCheckpoint: Promise<Uint8Array | null> | undefined;
  const fetch: LogFetcher = (path) => {
    if (path !== CHECKPOINT_PATH) return fetcher(path);
    firstCheckpoint ??= fetcher(path);
    return firstCheckpoint;
  };
  const origin = options.origin ?? (await originLine(fetch));
  const previous = origin === undefined ? undefined : state.checkpoints[origin];
  if (previous !== undefined) checkPrevious(previous, verifier, stateFile);

  let acts = new ActCheck(origin ?? '');
  /** Steps 1–3 against `previousCheckpoint`, keeping the entry bundles when replaying. */
  const verifyOnce = async (
    logFetch: LogFetcher,
    previousCheckpoint: string | undefined,
    capture: TileCapture | undefined,
  ): Promise<LogVerified> => {
    const bar = progressBar('verifying', 'entries');
    const progress = {
      update: (p: VerifyProgress) => bar.update(p.entriesDone, p.size),
      stop: bar.stop,
    };
    // Signed acts (docs/design/record.md): every entry in a member's name, checked.
    acts = new ActCheck(origin ?? '');
    let outcome: Awaited<ReturnType<typeof verifyLog>>;
    try {
      outcome = await verifyLog({
        fetch: capture ? capture.wrap(logFetch) : logFetch,
        hasher: nodeTreeHasher,
        ed25519: nodeEd25519,
        origin: options.origin,
        verifier,
        previousCheckpoint,
        decodeEnvelopes: options.envelopes === true,
        checkEntry: acts.entry,
        checkEnd: acts.end,
        concurrency,
        onProgress: progress.update,
      });
    } finally {
      progress.stop();
    }
    if (!outcome.ok) {
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ ...outcome, source }, null, 2)}\n`);
      }
      throw failureError(outcome);
    }
    if (outcome.signerVerified) {
      state.checkpoints[outcome.origin] = outcome.checkpointNote;
      await writeState(stateFile, state);
    }
    return outcome;
  };

  let capture = options.replay ? new TileCapture() : undefined;
  let result = await verifyOnce(fetch, previous, capture);
  const stateUpdated = result.signerVerified;

  // Step 4: recount the verified entries, and compare the page a server shows.
  let replay: Replay | undefined;
  if (capture) {
    const replayOnce = (verified: LogVerified, tiles: TileCapture) =>
      replayStep(verified, tiles, { source, replaySource, getJson, json: options.json === true });
    replay = await replayOnce(result, capture);
    if (replay.page?.difference && replaySource) {
      // The server's page may reflect a newer log than the checkpoint: if the log grew,
      // verify the grown log (consistent with the one just verified) and replay once more.
      const grown = await checkpointSize(fetcher);
      if (grown !== undefined && grown > result.size) {
        const before = result.size;
        capture = new TileCapture();
        result = await verifyOnce(fetcher, result.checkpointNote, capture);
        replay = { ...(await replayOnce(result, capture)), grewFrom: before };
      }
    }
    const difference = replay.page?.difference;
    if (difference && replaySource) {
      if (options.json) {
        process.stdout.write(
          `${JSON.stringify({ ok: false, source, size: result.size, code: 'VERIFY_REPLAY_MISMATCH', ...difference }, null, 2)}\n`,
        );
      }
      throw recordError('VERIFY_REPLAY_MISMATCH', {
        url: replaySource.pageUrl.href,
        size: result.size,
        ...difference,
      });
    }
  }
  const summary = {
    ok: true,
    source,
    origin: result.origin,
    size: result.size,
    rootHash: toBase64(result.rootHash),
    signerVerified: result.signerVerified,
    keyName: verifier?.name ?? null,
    previousSize: result.previousSize ?? null,
    hashTiles: result.hashTiles,
    entryBundles: result.entryBundles,
    envelopesChecked: result.envelopesChecked,
    acts: acts.report(),
    stateFile,
    stateUpdated,
    ...(replay
      ? {
          replay: {
            events: replay.events,
            matches: true,
            blobsFetched: replay.blobs,
            recount: replay.tally,
            pageCompared: replay.page !== undefined,
            organisationFounded: replay.founded,
            grewFrom: replay.grewFrom ?? null,
          },
        }
      : {}),
  };
  if (options.json) {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return;
  }
  const counts = `${plural(summary.size, 'entry', 'entries')} rehashed, ${plural(summary.hashTiles, 'hash tile', 'hash tiles')} checked`;
  const lines = [
    `origin: ${summary.origin}`,
    `size: ${summary.size}`,
    `root: ${summary.rootHash}`,
    result.signerVerified
      ? `verified: signed by ${verifier?.name}; ${counts}`
      : `verified (consistency only): ${counts} against the checkpoint, but the signer was NOT checked; pass --origin and --key to check it`,
    previous === undefined
      ? 'no earlier checkpoint of this log was recorded here'
      : `consistent with the checkpoint of size ${summary.previousSize} verified before`,
  ];
  if (result.envelopesChecked) lines.push(`every entry is a Soviet entry with seq = index`);
  const actCounts = acts.report();
  if (actCounts)
    lines.push(
      `signed acts: ${actCounts.signed} checked against ${plural(actCounts.keys, 'member key', 'member keys')}` +
        (actCounts.unsigned > 0
          ? `; ${plural(actCounts.unsigned, 'entry', 'entries')} by members without a key (not signed, cannot be checked)`
          : ''),
    );
  if (replay) {
    if (replay.grewFrom !== undefined) {
      lines.push(
        `the log grew from ${replay.grewFrom} to ${result.size} entries during the check; the grown log was verified and replayed`,
      );
    }
    if (replay.blobs > 0) {
      lines.push(
        `${plural(replay.blobs, 'entry', 'entries')} logged by SHA-256: data ${replaySource ? "fetched from the server's record" : 'read from the copy'} and checked against the hash`,
      );
    }
    lines.push(recountLine(replay));
    if (replay.page)
      lines.push(
        replay.page.unfounded
          ? `replayed ${replay.events} events: the log founds no organisation, and the server shows none`
          : `replayed ${replay.events} events: the server's organisation page matches the log`,
      );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The size in the log's checkpoint as served now, or undefined when it cannot be read. */
async function checkpointSize(fetcher: LogFetcher): Promise<number | undefined> {
  try {
    const bytes = await fetcher(CHECKPOINT_PATH);
    if (!bytes) return undefined;
    return parseCheckpoint(parseNote(new TextDecoder().decode(bytes)).text).size;
  } catch {
    return undefined;
  }
}

/** The first line of the log's checkpoint, or undefined when it cannot be read. */
async function originLine(fetch: LogFetcher): Promise<string | undefined> {
  try {
    const bytes = await fetch(CHECKPOINT_PATH);
    if (!bytes) return undefined;
    const text = new TextDecoder().decode(bytes);
    const end = text.indexOf('\n');
    return end > 0 ? text.slice(0, end) : undefined;
  } catch {
    return undefined;
  }
}

function checkPrevious(note: string, verifier: NoteVerifier | undefined, file: string): void {
  try {
    parseCheckpoint(verifier ? openNote(note, [verifier], nodeEd25519).text : parseNote(note).text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
    throw recordError('VERIFY_STATE_INVALID', {
      file,
      reason: `its checkpoint for this log does not verify (${reason}); if the log changed its key, remove that entry`,
    });
  }
}

async function fetcherFor(source: string, token: string | undefined): Promise<LogFetcher> {
  if (/^https?:\/\//i.test(source)) {
    let base: URL;
    try {
      base = new URL(source.endsWith('/') ? source : `${source}/`);
    } catch {
      throw recordError('VERIFY_SOURCE_INVALID', { source, reason: 'it is not a valid URL' });
    }
    return async (path) => {
      const response = await fetch(new URL(path, base), {
        headers: {
          'accept-encoding': 'gzip, identity',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      });
      if (response.ok) return new Uint8Array(await response.arrayBuffer());
      // A body left unread keeps its keep-alive connection busy: the server cannot close
      // (and the process cannot exit) until it times out. Release it on every refusal.
      await response.body?.cancel();
      if (response.status === 404 || response.status === 410) return null;
      if (response.status === 401 || response.status === 403)
        throw recordError('VERIFY_FETCH_FAILED', {
          path,
          reason: token
            ? `HTTP ${response.status}: the read token was refused (never granted, or revoked)`
            : `HTTP ${response.status}: the record is open to the organisation's members only; pass a read token with --token or SOVIET_TOKEN`,
        });
      throw new Error(`HTTP ${response.status} ${response.statusText}`);
    };
  }
  const dir = resolve(source);
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw recordError('VERIFY_SOURCE_INVALID', {
      source,
      reason: 'it is neither an http(s) URL nor a directory',
    });
  }
  return async (path) => {
    try {
      return new Uint8Array(await readFile(join(dir, ...path.split('/'))));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return null;
      throw error;
    }
  };
}

async function readState(file: string): Promise<VerifyState> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, checkpoints: {} };
    throw recordError('VERIFY_STATE_INVALID', { file, reason: (error as Error).message });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw recordError('VERIFY_STATE_INVALID', { file, reason: 'it is not JSON' });
  }
  const state = value as Partial<VerifyState> | null;
  const checkpoints = state?.checkpoints;
  if (
    state?.version !== 1 ||
    typeof checkpoints !== 'object' ||
    checkpoints === null ||
    !Object.values(checkpoints).every((note) => typeof note === 'string')
  ) {
    throw recordError('VERIFY_STATE_INVALID', {
      file,
      reason: 'expected {"version": 1, "checkpoints": {"<origin>": "<checkpoint>"}}',
    });
  }
  return { version: 1, checkpoints: { ...checkpoints } };
}

/** Writes the state atomically: a crash leaves the old file or the new one. */
async function writeState(file: string, state: VerifyState): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, file);
}

/** What step 4 found: the recount's tally and, on a server, the page comparison. */
interface Replay {
  readonly events: number;
  readonly blobs: number;
  readonly tally: RecountTally;
  readonly founded: boolean;
  readonly page?: PageComparison;
  readonly grewFrom?: number;
}

/**
 * Recounts the verified log (VERIFY_RECOUNT_MISMATCH on the first discrepancy) and, on a
 * server, compares the organisation page the log gives with the server's.
 */
async function replayStep(
  verified: LogVerified,
  capture: TileCapture,
  o: { source: string; replaySource?: ReplaySource; getJson: JsonGetter; json: boolean },
): Promise<Replay> {
  const loadBlob = o.replaySource
    ? serverBlobs(o.replaySource, o.getJson)
    : directoryBlobs(resolve(o.source));
  const { result, blobs } = await recountVerified(capture, verified.size, loadBlob);
  if (!result.ok) {
    if (o.json) {
      const failed = {
        ok: false,
        source: o.source,
        size: verified.size,
        code: 'VERIFY_RECOUNT_MISMATCH',
        ...result.discrepancy,
      };
      process.stdout.write(`${JSON.stringify(failed, null, 2)}\n`);
    }
    throw recountError(result.discrepancy);
  }
  const page = o.replaySource
    ? await compareWithServer(result.state, o.replaySource, o.getJson)
    : undefined;
  const founded = result.state.org !== null;
  return { events: result.events, blobs, tally: result.tally, founded, ...(page ? { page } : {}) };
}

/** `recounted 212 events: every decision the log records is what the rules give (4 elections, …)`. */
function recountLine(replay: Replay): string {
  const t = replay.tally;
  if (!replay.founded) return `recounted ${replay.events} events: the log founds no organisation`;
  const counts = [
    plural(t.elections, 'election', 'elections'),
    plural(t.motions, 'motion', 'motions'),
    plural(t.recallVotes, 'recall vote', 'recall votes'),
    plural(t.budgetRounds, 'budget round', 'budget rounds'),
    plural(t.mandates, 'mandate granted', 'mandates granted'),
    plural(t.payments, 'payment', 'payments'),
  ];
  return `recounted ${replay.events} events: every decision of the system the log records is what the rules give from the ballots and the acts before it (${counts.join(', ')}; ${t.decisions} decisions, ${t.acts} acts)`;
}
