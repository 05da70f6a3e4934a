import { planContent, planPreference, planReservation, planStoredKind } from './workload-admin';
import type { PlanContext } from './workload-context';
import { planPluginCrash, planPluginLifecycle, planPluginProvider, planPluginPublished } from './workload-plugins';

/** What the administrative planners remember between plans. */
export interface AdminState {
  /** Position in ADMIN_SCHEDULE; starts at a seeded offset. */
  cursor: number;
  /** `<type>#<n>` -> key of the stored instance n (workload-admin.ts). */
  keys: Map<string, string>;
  /** Installed content packs and uploaded plugin providers. */
  contents: Set<string>;
  providers: Set<string>;
}

type AdminSlot = (ctx: PlanContext, state: AdminState) => void;

const stored =
  (type: string): AdminSlot =>
  (ctx, state) =>
    planStoredKind(ctx, type, state.keys);

/**
 * Administrative changes in turn rather than at random, so a short run meets every kind; the
 * number of slots a kind has is its share (work orders, reservations and plugin lifecycle are the
 * busiest on a v4 endpoint; a recovered handler panic is rare).
 */
const ADMIN_SCHEDULE: readonly AdminSlot[] = [
  planReservation,
  planPluginLifecycle,
  stored('work_orders'),
  (ctx, s) => planContent(ctx, s.contents),
  planPreference,
  stored('users'),
  planPluginPublished,
  stored('templates'),
  planReservation,
  stored('work_orders'),
  stored('alerts'),
  (ctx, s) => planPluginProvider(ctx, s.providers),
  stored('roles'),
  stored('clusters'),
  planPluginLifecycle,
  stored('tenants'),
  planReservation,
  stored('resource_brokers'),
  stored('pools'),
  stored('work_orders'),
  stored('endpoints'),
  planPluginPublished,
  stored('version_sets'),
  stored('catalog_items'),
  stored('contexts'),
  planPluginCrash,
  (ctx) => {
    ctx.queue.push(() =>
      ctx.log.write(
        'frontend',
        'panic',
        'frontend/frontend.go',
        'recovered from panic in handler: runtime error: index out of range',
        'user:rocketskates',
      ),
    );
  },
];

export function planAdmin(ctx: PlanContext, state: AdminState): void {
  const slot = ADMIN_SCHEDULE[state.cursor % ADMIN_SCHEDULE.length];
  state.cursor++;
  slot(ctx, state);
}
