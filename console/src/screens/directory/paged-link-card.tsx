import type { ComponentChildren } from 'preact';
import { Pager } from './pager.js';
import type { DirectoryPage } from './directory-tab.js';
import type { KeysetPager } from './use-keyset-pager.js';

interface PagedLinkCardProps<Item> {
  id: string;
  title: string;
  subtitle?: string;
  testId: string;
  emptyText: string;
  connection: DirectoryPage<Item> | null | undefined;
  pager: KeysetPager;
  pageSize: number;
  /** The pager's name for what it pages: "Groups", "Members". */
  what: string;
  item: (item: Item) => ComponentChildren;
  itemTestId?: string;
}

/** A detail page's related entries (a user's groups, a group's members), a page at a time. */
export function PagedLinkCard<Item extends { id: string }>(props: PagedLinkCardProps<Item>) {
  const { connection, pager } = props;
  const items = connection?.edges.map((edge) => edge.node) ?? [];
  return (
    <section class="card" aria-labelledby={props.id} data-testid={props.testId}>
      <div class="card__header">
        <h2 id={props.id}>{props.title}</h2>
        {props.subtitle && <p class="card__subtitle">{props.subtitle}</p>}
      </div>
      {connection && items.length === 0 && <p class="empty-state">{props.emptyText}</p>}
      {items.length > 0 && (
        <ul class="link-list">
          {items.map((item) => (
            <li key={item.id} data-testid={props.itemTestId}>
              {props.item(item)}
            </li>
          ))}
        </ul>
      )}
      {connection && (
        <Pager pager={pager} shown={items.length} pageSize={props.pageSize} hasNextPage={connection.pageInfo.hasNextPage} endCursor={connection.pageInfo.endCursor} what={props.what} />
      )}
    </section>
  );
}
