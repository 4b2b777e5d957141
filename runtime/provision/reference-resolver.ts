// Special attribute values given by name (a group's display name, a license's part number, a
// manager's user principal name) become target uids, each name looked up once per run.
// Accounts read or created by the run are known without a request.
import type { ObjectClassModel } from '../definition/model.js';
import { findUidByName } from '../operations/find-by-name.js';
import type { ConnectorSession } from '../operations/session.js';

export class ReferenceResolver {
  private readonly known = new Map<string, Promise<string | undefined>>();

  constructor(private readonly session: ConnectorSession) {}

  private static key(cls: ObjectClassModel, name: string): string {
    return `${cls.name}\u0000${name.toLowerCase()}`;
  }

  /** Records a name the run already knows (read in bulk, or just created). */
  learn(cls: ObjectClassModel, name: string, uid: string): void {
    this.known.set(ReferenceResolver.key(cls, name), Promise.resolve(uid));
  }

  resolve(cls: ObjectClassModel, name: string): Promise<string | undefined> {
    const key = ReferenceResolver.key(cls, name);
    let found = this.known.get(key);
    if (!found) {
      found = findUidByName(this.session, cls, name, false);
      this.known.set(key, found);
      // A failed look-up is not remembered: the next identity asks again.
      found.catch(() => this.known.delete(key));
    }
    return found;
  }
}
