// Where a group of customers opens: the customers page with the group's filter in its address
// (pages/customers/filter/filter-url.ts), so Back returns here; a saved list opens the same way.
import type { Filter } from '../../../../src-main/shared/filters';
import { customersHref as href } from '../customers/filter/filter-url';

export const customersHref = (filter: Filter) => href({ filter });

export const listHref = (id: number) => href({ listId: id });
