// Office 365 error classification and Retry-After through the CLI against a well-behaved Graph fake.
import { graphErrorsSuite } from './office365/graph-errors.js';

graphErrorsSuite('clean');
