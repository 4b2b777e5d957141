// The same group, role and license functions with Graph throttling (429 + Retry-After) and replication lag on.
import { groupsRolesLicensesSuite } from './office365/groups-roles-licenses.js';

groupsRolesLicensesSuite('faults');
