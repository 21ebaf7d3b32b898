import type { EmulatorState } from './state';

/** Settings the control API may change while the emulator runs. */
export interface EmulatorSettings {
  pageSize: number;
  operationDelayMs: number;
  /** One-shot: the next PUT/PATCH/DELETE operation ends Failed (see README "Making an operation fail"). */
  failNextOperation: boolean;
  /** How long a change takes to show in Resource Graph, ms (resourceGraphRoutes.ts). */
  resourceGraphLagMs: number;
  /** Resource Graph answers 403 AuthorizationFailed (the product must fall back to per-cluster listing). */
  resourceGraphForbidden: boolean;
  /** GET of one extension returns its stored protected settings (see RuntimeOptions). */
  echoProtectedSettings: boolean;
}

/** What route handlers share; `state` is replaced on reset, so handlers read it at call time. */
export interface RouteContext {
  state: EmulatorState;
  settings: EmulatorSettings;
}
