import { useSyncExternalStore } from 'react';
import { parseHash, type Route } from './router';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};
const getHash = () => window.location.hash;

/** The current route, following `location.hash` (so reload, back and forward work). */
export function useHashRoute(): Route {
  return parseHash(useSyncExternalStore(subscribe, getHash));
}
