import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/** Paths without a router library: the console has a handful of flat screens, and the browser's history is enough. */
const NAVIGATED = 'hub:navigated';

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener(NAVIGATED, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(NAVIGATED, listener);
  };
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export function navigate(path: string): void {
  if (path === window.location.pathname) return;
  window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATED));
  // Moves focus to the new screen's heading, as a page load would for a screen reader.
  requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
}

export function Link({ to, children, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} aria-current={usePath() === to ? 'page' : undefined} {...rest}>
      {children}
    </a>
  );
}
