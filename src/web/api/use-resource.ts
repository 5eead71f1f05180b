import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';

export type Resource<T> =
  | { readonly kind: 'loading'; readonly data?: undefined; readonly error?: undefined }
  | { readonly kind: 'ready'; readonly data: T; readonly error?: undefined }
  | { readonly kind: 'failed'; readonly data?: undefined; readonly error: unknown };

/**
 * Loads what a page shows, again when `deps` change or `reload()` is called. A reload
 * keeps the data shown until the new answer arrives (no flash of "Loading…" after every
 * action), and an answer that arrives after a newer request started is dropped.
 */
export function useResource<T>(
  load: () => Promise<T>,
  deps: DependencyList,
): Resource<T> & { reload: () => Promise<void> } {
  const [state, setState] = useState<Resource<T>>({ kind: 'loading' });
  const generation = useRef(0);
  const loader = useRef(load);
  loader.current = load;

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const data = await loader.current();
      if (mine === generation.current) setState({ kind: 'ready', data });
    } catch (error) {
      if (mine === generation.current) setState({ kind: 'failed', error });
    }
  }, []);

  // The caller's deps (ids and names) decide when to load again: compared by value.
  const key = JSON.stringify(deps);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the caller's deps.
  useEffect(() => {
    setState({ kind: 'loading' });
    void reload();
  }, [key, reload]);

  return { ...state, reload };
}
