// wouter's hash location, with one change: a link without a query ("/dashboard") clears the
// query of the page it leaves. wouter keeps a query in the page address's search part
// (`?list=3#/customers`) and leaves it there when the next link has none, so the customers page
// would reopen a list the person had left. (customers page filter links: pages/customers/filter/filter-url.ts.)
import { navigate as hashNavigate, useHashLocation } from 'wouter/use-hash-location';

type Navigate = typeof hashNavigate;

const navigate: Navigate = (to, options) => hashNavigate(String(to).includes('?') ? to : `${String(to)}?`, options);

export const useAppLocation = (options?: Parameters<typeof useHashLocation>[0]): [string, Navigate] => [useHashLocation(options)[0], navigate];
/** A link's address as navigate() makes it, query before the hash, so opening it in a new window works too. */
useAppLocation.hrefs = (href: string) => {
  const [path, query] = href.split('?');
  return query ? `?${query}#${path}` : `#${path}`;
};
