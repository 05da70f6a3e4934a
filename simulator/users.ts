import { claimMatches, type Claim } from './claim-model';

/**
 * The simulator's users, roles and claims (docs/reference/drp-protocol.md §1.4, §3.1; claim model per
 * `doc/arch/auth.rst` and `models/role.go`, in claim-model.ts). A claim is {scope, action, specific};
 * each field is `*` or a comma list.
 */

export type { Claim } from './claim-model';

export interface SimUser {
  name: string;
  password: string;
  roles: readonly string[];
  claims: readonly Claim[];
}

export const SUPERUSER_CLAIM: Claim = { scope: '*', action: '*', specific: '*' };

/**
 * Role name -> claims. `viewer` sees profiles and jobs only, so permission filtering can be tested;
 * `machine-reader` may only get and list machines, so actions its scope does not know can be.
 */
export const ROLES: Readonly<Record<string, readonly Claim[]>> = {
  superuser: [SUPERUSER_CLAIM],
  'profiles-and-jobs': [{ scope: 'profiles,jobs', action: '*', specific: '*' }],
  'machines-read': [{ scope: 'machines', action: 'get,list', specific: '*' }],
};

/**
 * In v3 every user also holds `users token,password,get <self>` and `info get` (`backend/user.go`
 * `GenClaim()`), which is why any user can fetch its own token and probe `/api/v3/info` (§1.4).
 */
function selfClaims(name: string): Claim[] {
  return [
    { scope: 'users', action: 'token,password,get', specific: name },
    { scope: 'info', action: 'get', specific: '*' },
  ];
}

function makeUser(name: string, password: string, roles: string[]): SimUser {
  return { name, password, roles, claims: [...roles.flatMap((role) => ROLES[role] ?? []), ...selfClaims(name)] };
}

export const DEMO_USERS: readonly SimUser[] = [
  makeUser('rocketskates', 'r0cketsk8ts', ['superuser']),
  makeUser('viewer', 'v1ewer', ['profiles-and-jobs']),
  makeUser('machine-reader', 'r3ader', ['machines-read']),
];

export function findUser(name: string): SimUser | undefined {
  return DEMO_USERS.find((user) => user.name === name);
}

/**
 * True when any claim covers {scope, action, specific} the way DRP's `Claim.Match` decides it: scopes
 * and actions the role model does not know are dropped first (claim-model.ts), so they need nothing.
 * The websocket checks {Type, Action, Key}.
 */
export function claimsCover(claims: readonly Claim[], scope: string, action: string, specific: string): boolean {
  return claims.some((claim) => claimMatches(claim, scope, action, specific));
}

export function isSuperuser(user: SimUser): boolean {
  return user.claims.some((c) => c.scope === '*' && c.action === '*' && c.specific === '*');
}
