import { useMemo, useSyncExternalStore } from 'react';
import { parseLocation, type Route } from './route.js';

/** Fired on `window` when the app itself changes the location (history.pushState fires nothing). */
const NAVIGATED = 'soviet:navigated';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATED, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATED, onChange);
  };
}

const getLocation = (): string => `${window.location.pathname}${window.location.search}`;

/** The current route; a new object only when the location changes. */
export function useRoute(): Route {
  const location = useSyncExternalStore(subscribe, getLocation, getLocation);
  return useMemo(() => {
    const q = location.indexOf('?');
    return q < 0 ? parseLocation(location) : parseLocation(location.slice(0, q), location.slice(q));
  }, [location]);
}

/** Goes to a path of the app, adding a history entry as a link would. */
export function navigate(href: string): void {
  window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(NAVIGATED));
}
