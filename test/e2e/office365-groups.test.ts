// Office 365 groups (members, owners), directory roles and licenses through the CLI against a well-behaved Graph fake.
import { groupsRolesLicensesSuite } from './office365/groups-roles-licenses.js';

groupsRolesLicensesSuite('clean');
