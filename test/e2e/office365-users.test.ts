// Office 365 user lifecycle through the CLI against a well-behaved Graph fake.
import { userLifecycleSuite } from './office365/user-lifecycle.js';

userLifecycleSuite('clean');
