// `when` conditions of value sources: hasRole, or a test on one claim.
import { pointerToDotted } from '../definition/json-pointer.js';
import { claimValues } from './claims.js';
import type { Condition } from './generated-policy.js';
import { defaultRoleClaim, type RoleScope } from './policy-model.js';
import type { CompileEnvironment } from './value-source.js';
import type { Claims } from './claims.js';

export type ClaimsTest = (claims: Claims) => boolean;

export function compileCondition(raw: Condition, pointer: string, env: CompileEnvironment): ClaimsTest {
  if (raw.hasRole !== undefined) {
    if (raw.claim !== undefined) env.problems.add(pointer, `${pointerToDotted(pointer)}: give either "hasRole" or "claim", not both`);
    return hasRoleTest(raw.hasRole, env.roles);
  }
  if (raw.claim === undefined) {
    env.problems.add(pointer, `${pointerToDotted(pointer)} needs "hasRole" or "claim"`);
    return () => false;
  }
  const claim = raw.claim;
  const tests = (['equals', 'contains', 'matches', 'present'] as const).filter((key) => raw[key] !== undefined);
  if (tests.length !== 1) {
    env.problems.add(pointer, `${pointerToDotted(pointer)}: give exactly one of "equals", "contains", "matches", "present" with "claim"`);
    return () => false;
  }
  if (raw.present !== undefined) {
    const present = raw.present;
    return (claims) => (claimValues(claims, claim).length > 0) === present;
  }
  if (raw.equals !== undefined) {
    const wanted = String(raw.equals).toLowerCase();
    return (claims) => claimValues(claims, claim).some((value) => value.toLowerCase() === wanted);
  }
  if (raw.contains !== undefined) {
    const part = raw.contains.toLowerCase();
    return (claims) => claimValues(claims, claim).some((value) => value.toLowerCase().includes(part));
  }
  let regex: RegExp;
  try {
    regex = new RegExp(raw.matches ?? '');
  } catch (error) {
    env.problems.add(`${pointer}/matches`, `${pointerToDotted(pointer)}.matches is not a regular expression: ${(error as Error).message}`);
    return () => false;
  }
  return (claims) => claimValues(claims, claim).some((value) => regex.test(value));
}

export function hasRoleTest(role: string, roles: RoleScope | undefined): ClaimsTest {
  const claim = roles?.roleClaim ?? defaultRoleClaim;
  const separator = roles?.separator ?? ',';
  const wanted = role.toLowerCase();
  return (claims) => claimValues(claims, claim, separator).some((value) => value.toLowerCase() === wanted);
}
