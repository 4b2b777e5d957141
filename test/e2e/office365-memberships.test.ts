// Office 365 manager, groups, roles and licenses through the CLI against a well-behaved Graph fake.
import { membershipSuite } from './office365/memberships.js';

membershipSuite('clean');
