import highsModule, { type Highs } from 'highs';

/**
 * Loads the HiGHS WebAssembly runtime once per process (about 0.1 s). The package is
 * CommonJS with an ESM build whose types declare `export default`; under NodeNext the
 * default import is typed as the module object, so the function is taken from
 * `.default` when present (docs: /work/shared/design/STACK.md §10).
 */
let loaded: Promise<Highs> | undefined;

export function loadHighs(): Promise<Highs> {
  const loader = ((highsModule as unknown as { default?: unknown }).default ??
    highsModule) as unknown as () => Promise<Highs>;
  loaded ??= loader();
  return loaded;
}
