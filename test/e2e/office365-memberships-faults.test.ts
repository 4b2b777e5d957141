// The same memberships with Graph throttling (429 + Retry-After) and replication lag on.
import { membershipSuite } from './office365/memberships.js';

membershipSuite('faults');
