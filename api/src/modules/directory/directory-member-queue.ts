import type { GroupRow } from './directory-group.store.js';
import type { MembershipStore } from './directory-membership.store.js';

interface Waiter {
  ids: string[];
  tokenId: string | undefined;
  resolve(row: GroupRow | undefined): void;
  reject(error: unknown): void;
}

/** Members one combined statement adds at most (a single request may still bring more). */
const MAX_IDS_PER_STATEMENT = 1_000;

/**
 * Member additions to one group, coalesced in this process. IdPs push a group's members as many
 * concurrent one-member PATCHes; one at a time, each would wait for the previous one's lock on
 * the group row and its commit. While a statement for the group is in flight, later additions
 * queue and then go together in one statement that bumps the version once per request, so each
 * request still gets its own version, as if they had run one after another.
 */
export function createMemberAddQueue(members: MembershipStore) {
  const lanes = new Map<string, Waiter[]>();

  /** The group after the addition, or undefined when it changed nothing (see addTouchingGroup). */
  function add(companyId: string, groupId: string, ids: string[], tokenId?: string): Promise<GroupRow | undefined> {
    const key = `${companyId}/${groupId}`;
    return new Promise((resolve, reject) => {
      const waiting = lanes.get(key);
      if (waiting) return void waiting.push({ ids, tokenId, resolve, reject });
      lanes.set(key, [{ ids, tokenId, resolve, reject }]);
      void drain(key, companyId, groupId);
    });
  }

  async function drain(key: string, companyId: string, groupId: string): Promise<void> {
    const waiting = lanes.get(key)!;
    while (waiting.length > 0) await runBatch(companyId, groupId, takeBatch(waiting));
    lanes.delete(key);
  }

  function takeBatch(waiting: Waiter[]): Waiter[] {
    let count = 0;
    let ids = 0;
    while (count < waiting.length && (count === 0 || ids + waiting[count]!.ids.length <= MAX_IDS_PER_STATEMENT)) {
      ids += waiting[count]!.ids.length;
      count += 1;
    }
    return waiting.splice(0, count);
  }

  async function runBatch(companyId: string, groupId: string, batch: Waiter[]): Promise<void> {
    try {
      const ids = [...new Set(batch.flatMap((waiter) => waiter.ids.map((id) => id.toLowerCase())))];
      // The group was last changed by the batch's last request, as if they had run in turn.
      const row = await members.addTouchingGroup(companyId, groupId, ids, null, batch.at(-1)!.tokenId, batch.length);
      if (row || batch.length === 1) {
        batch.forEach((waiter, index) => waiter.resolve(row && { ...row, version: row.version - batch.length + 1 + index }));
        return;
      }
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
    }
    // The batch was refused as a whole (say one request names an unknown user): one by one, each gets its own answer.
    for (const waiter of batch) await runBatch(companyId, groupId, [waiter]);
  }

  return { add };
}
