import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from './use-route.js';

/**
 * A link to a page of the app: a real `<a href>` (so it can be opened in a new tab,
 * copied, or followed without JavaScript by the server's index.html), followed in place
 * on a plain left click.
 */
export function Link({
  href,
  onClick,
  ...rest
}: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      rest.target
    ) {
      return;
    }
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={follow} {...rest} />;
}
