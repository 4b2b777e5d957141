// The same error classification with Graph throttling (429 + Retry-After) and replication lag on.
import { graphErrorsSuite } from './office365/graph-errors.js';

graphErrorsSuite('faults');
