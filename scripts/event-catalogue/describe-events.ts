/**
 * The fields of every democracy event, read from the TypeScript declarations by the
 * compiler itself. Events have no runtime schema: their interfaces (src/democracy/events/)
 * are the only statement of their shape, so the frozen catalogue is derived from what
 * the type checker resolves them to — structurally, so that renaming a helper type or
 * reordering a declaration changes nothing, while a field added, dropped, renamed, made
 * optional or given another type does.
 *
 * It uses TypeScript 7's checker API (`typescript/unstable/sync`, pinned by the exact
 * `typescript` version in package.json). The description is this module's own text,
 * not the compiler's `typeToString`, so a compiler upgrade changes it only if the API
 * breaks, and then loudly.
 */
import { fileURLToPath } from 'node:url';
import {
  API,
  type Checker,
  type Symbol as CheckerSymbol,
  SignatureKind,
  SymbolFlags,
  type Type,
  TypeFlags,
  type TypeReference,
} from 'typescript/unstable/sync';

/** One event type as the code declares it now: every field but `kind`, described. */
export interface LiveEvent {
  readonly type: string;
  /** Field name (with `?` when optional) → its type, in a TypeScript-like notation. */
  readonly fields: Readonly<Record<string, string>>;
}

const root = fileURLToPath(new URL('../../', import.meta.url));
/** A project of the events' index alone: the checker loads what it imports, nothing more. */
const project = fileURLToPath(new URL('./tsconfig.json', import.meta.url));
const eventsIndex = `${root}src/democracy/events/index.ts`;

/** Every member of `DemocracyEvent`, sorted by type. Spawns the compiler for about a second. */
export function describeLiveEvents(): LiveEvent[] {
  const api = new API({ cwd: root });
  try {
    const snapshot = api.updateSnapshot({ openProject: project });
    const tsProject = snapshot.getProject(project) ?? snapshot.getProjects()[0];
    if (!tsProject) throw new Error(`describe-events: the compiler opened no project ${project}`);
    const { checker, program } = tsProject;
    const file = program.getSourceFile(eventsIndex);
    const module = file && checker.getSymbolAtLocation(file);
    const union = module && checker.getExportsOfModule(module).find(isDemocracyEvent);
    if (!union) throw new Error(`describe-events: no DemocracyEvent exported by ${eventsIndex}`);
    const type = checker.getDeclaredTypeOfSymbol(union);
    const members = type.isUnionType() ? type.getTypes() : [type];
    return members
      .map((member) => describeEvent(checker, member))
      .sort((a, b) => compare(a.type, b.type));
  } finally {
    api.close();
  }
}

const isDemocracyEvent = (symbol: CheckerSymbol) => symbol.name === 'DemocracyEvent';

function describeEvent(checker: Checker, event: Type): LiveEvent {
  const kind = checker.getPropertyOfType(event, 'kind');
  const kindType = kind && checker.getTypeOfSymbol(kind);
  if (!kindType?.isStringLiteralType())
    throw new Error('describe-events: a DemocracyEvent member has no literal `kind`');
  const type = kindType.value;
  const fields: Record<string, string> = {};
  for (const property of sortedProperties(checker, event)) {
    if (property.name === 'kind') continue;
    const [name, described] = describeProperty(checker, property, [type], new Set());
    fields[name] = described;
  }
  return { type, fields };
}

function sortedProperties(checker: Checker, type: Type): CheckerSymbol[] {
  return [...checker.getPropertiesOfType(type)].sort((a, b) => compare(a.name, b.name));
}

/** `[name or name?, type]`; an optional property's implicit `undefined` is not repeated. */
function describeProperty(
  checker: Checker,
  property: CheckerSymbol,
  path: readonly string[],
  stack: ReadonlySet<number>,
): [string, string] {
  const optional = (property.flags & SymbolFlags.Optional) !== 0;
  const here = [...path, property.name];
  const type = checker.getTypeOfSymbol(property);
  if (!type) throw new Error(`describe-events: no type for ${here.join('.')}`);
  const name = /^[A-Za-z_$][\w$]*$/.test(property.name) ? property.name : quoted(property.name);
  return [optional ? `${name}?` : name, describeType(checker, type, here, stack, optional)];
}

/**
 * A deterministic text for a JSON-shaped type: primitives, literals (quoted), unions
 * (members sorted, `true | false` written `boolean`), arrays `T[]` (readonly dropped: JSON
 * has no such thing), tuples, objects `{ a: T; b?: U }` with sorted keys and index
 * signatures. Anything else (functions, `any`, `unknown`, generics left open, recursion)
 * cannot be on the log and is refused, naming where it is.
 */
function describeType(
  checker: Checker,
  type: Type,
  path: readonly string[],
  stack: ReadonlySet<number>,
  dropUndefined = false,
): string {
  const fail = (what: string) =>
    new Error(`describe-events: ${what} at ${path.join('.')} cannot be described`);
  const flags = type.flags;
  if (flags & TypeFlags.Boolean) return 'boolean';
  if (flags & TypeFlags.String) return 'string';
  if (flags & TypeFlags.Number) return 'number';
  if (flags & TypeFlags.Null) return 'null';
  if (flags & TypeFlags.Undefined) return 'undefined';
  // Any JSON value (a signed act's command fields: their shape is the command's).
  if (flags & TypeFlags.Unknown) return 'unknown';
  if (type.isStringLiteralType()) return quoted(type.value);
  if (type.isNumberLiteralType() || type.isBooleanLiteralType()) return String(type.value);
  if (type.isUnionType())
    return describeUnion(checker, type.getTypes(), path, stack, dropUndefined);
  if (!(flags & (TypeFlags.Object | TypeFlags.Intersection))) throw fail(`type flags ${flags}`);
  if (stack.has(type.id)) throw fail('a recursive type');
  const inner = new Set(stack).add(type.id);
  if (checker.isArrayType(type)) {
    const [element] = checker.getTypeArguments(type as TypeReference);
    if (!element) throw fail('an array without element type');
    return `${parenthesised(describeType(checker, element, [...path, '[]'], inner))}[]`;
  }
  if (checker.isTupleType(type)) {
    const elements = checker.getTypeArguments(type as TypeReference);
    return `[${elements.map((e, i) => describeType(checker, e, [...path, `${i}`], inner)).join(', ')}]`;
  }
  const signatures = [SignatureKind.Call, SignatureKind.Construct].flatMap((kind) =>
    checker.getSignaturesOfType(type, kind),
  );
  if (signatures.length) throw fail('a function');
  return describeObject(checker, type, path, inner);
}

function describeUnion(
  checker: Checker,
  members: readonly Type[],
  path: readonly string[],
  stack: ReadonlySet<number>,
  dropUndefined: boolean,
): string {
  let texts = members.map((m) => describeType(checker, m, path, stack));
  if (dropUndefined) texts = texts.filter((t) => t !== 'undefined');
  if (texts.includes('true') && texts.includes('false'))
    texts = [...texts.filter((t) => t !== 'true' && t !== 'false'), 'boolean'];
  return [...new Set(texts)].sort(compare).join(' | ');
}

function describeObject(
  checker: Checker,
  type: Type,
  path: readonly string[],
  stack: ReadonlySet<number>,
): string {
  const parts = checker
    .getIndexInfosOfType(type)
    .map(
      (index) =>
        `[key: ${describeType(checker, index.keyType, path, stack)}]: ${describeType(checker, index.valueType, [...path, '[key]'], stack)}`,
    );
  for (const property of sortedProperties(checker, type)) {
    const [name, described] = describeProperty(checker, property, path, stack);
    parts.push(`${name}: ${described}`);
  }
  return parts.length ? `{ ${parts.join('; ')} }` : '{}';
}

/** An array of a union needs parentheses: `(A | B)[]`, not `A | B[]`. */
const parenthesised = (text: string) => (topLevelUnion(text) ? `(${text})` : text);

function topLevelUnion(text: string): boolean {
  let depth = 0;
  let inQuotes = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (inQuotes) {
      if (c === '\\') i += 1;
      else if (c === "'") inQuotes = false;
    } else if (c === "'") inQuotes = true;
    else if (c === '{' || c === '[' || c === '(') depth += 1;
    else if (c === '}' || c === ']' || c === ')') depth -= 1;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/** A string literal as TypeScript writes it: single quotes, `\` and `'` escaped. */
const quoted = (text: string) => `'${text.replace(/[\\']/g, '\\$&')}'`;

/** Code-unit order, as RFC 8785 sorts keys: the same on every machine and locale. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
