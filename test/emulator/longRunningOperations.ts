/*
 * ARM's asynchronous-operation protocol for extensions (final-state-via azure-async-operation): PUT/PATCH/DELETE answer
 * at once with an `Azure-AsyncOperation` header naming …/extensions/{name}/operations/{operationId}; that resource says
 * the status until it is terminal (Succeeded, Failed, Canceled). Operations do not run on timers: each has a completion
 * time and `settleOperations` (called before every request is served) applies those that are due, so every observer
 * sees the same order of events and nothing is left running after close.
 */
import { randomUUID } from 'crypto';
import type { ArmErrorDetail } from './armErrors';
import type { EmulatorState, StoredExtension } from './state';

export type OperationKind = 'Create' | 'Update' | 'Delete';

export interface Operation {
  /** ARM id: <extension id>/operations/<name>. */
  id: string;
  name: string;
  kind: OperationKind;
  extensionId: string;
  completesAt: number;
  /** Set when the operation is to end Failed; undefined means it will succeed. */
  failure?: ArmErrorDetail;
  /** The provisioning state while running, then Succeeded, Failed or Canceled. */
  status: string;
}

const RUNNING_STATE: Record<OperationKind, string> = { Create: 'Creating', Update: 'Updating', Delete: 'Deleting' };
const TERMINAL = new Set(['Succeeded', 'Failed', 'Canceled']);

/** An extension whose provisioning state says an operation is under way (seeded Creating/Deleting ones included). */
export function isBusy(extension: StoredExtension): boolean {
  return !TERMINAL.has(extension.body.properties.provisioningState);
}

export function startOperation(
  state: EmulatorState,
  extension: StoredExtension,
  kind: OperationKind,
  delayMs: number,
  failure: ArmErrorDetail | undefined,
): Operation {
  const name = randomUUID();
  const operation: Operation = {
    id: `${extension.body.id}/operations/${name}`,
    name,
    kind,
    extensionId: extension.body.id,
    completesAt: Date.now() + delayMs,
    failure,
    status: RUNNING_STATE[kind],
  };
  extension.body.properties.provisioningState = RUNNING_STATE[kind];
  state.addOperation(operation);
  return operation;
}

/** Newest version of the type in the release train, from the catalog; undefined if the catalog does not know it. */
export function latestVersion(state: EmulatorState, extensionType: string, releaseTrain: string): string | undefined {
  const trains = state.catalogType(extensionType)?.releaseTrains ?? {};
  const versions = Object.entries(trains).find(([train]) => train.toLowerCase() === releaseTrain.toLowerCase())?.[1];
  return versions?.[versions.length - 1];
}

export function settleOperations(state: EmulatorState, now = Date.now()): void {
  for (const operation of state.operations.values()) {
    if (!TERMINAL.has(operation.status) && now >= operation.completesAt) {
      complete(state, operation);
    }
  }
}

/** Force delete removes the resource at once; whatever was running on it ends Canceled. */
export function cancelOperationsOf(state: EmulatorState, extensionId: string): void {
  for (const operation of state.operations.values()) {
    if (!TERMINAL.has(operation.status) && operation.extensionId.toLowerCase() === extensionId.toLowerCase()) {
      operation.status = 'Canceled';
    }
  }
}

function complete(state: EmulatorState, operation: Operation): void {
  const extension = state.findExtension(operation.extensionId);
  if (!extension) {
    operation.status = 'Canceled';
    return;
  }
  const properties = extension.body.properties;
  if (operation.failure) {
    properties.provisioningState = 'Failed';
    properties.errorInfo = operation.failure;
    properties.statuses = [
      { code: 'InstallationFailed', displayStatus: 'Failed', level: 'Error', message: operation.failure.message, time: new Date().toISOString() },
    ];
    operation.status = 'Failed';
    return;
  }
  operation.status = 'Succeeded';
  if (operation.kind === 'Delete') {
    state.deleteExtension(extension.body.id);
    return;
  }
  properties.provisioningState = 'Succeeded';
  delete properties.errorInfo;
  properties.statuses = [];
  properties.currentVersion =
    properties.version ?? latestVersion(state, properties.extensionType, properties.releaseTrain) ?? properties.currentVersion;
}

/** The operation-status resource (OperationStatusResult, as in GetExtensionAsyncOperationStatus.json). */
export function operationStatusBody(operation: Operation): Record<string, unknown> {
  return {
    id: operation.id,
    name: operation.name,
    status: operation.status,
    properties: {},
    error: operation.status === 'Failed' ? (operation.failure ?? null) : null,
  };
}
