// No paging: one response holds every object.
import { fetchPageBody, pageItems, type PageStrategy, type PagingOf } from './page-source.js';

export const singlePage: PageStrategy<PagingOf<'none'>> = async function* (_paging, args) {
  const body = await fetchPageBody(args, args.first);
  yield { items: pageItems(body, args, args.first, 1) };
};
