// The same user lifecycle with Graph throttling (429 + Retry-After) and replication lag on.
import { userLifecycleSuite } from './office365/user-lifecycle.js';

userLifecycleSuite('faults');
