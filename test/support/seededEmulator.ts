import type { AzureAccess } from '../../src/azure/azureAccess';
import type { ClusterModel } from '../../src/azure/clusterModel';
import { startEmulator } from '../emulator/emulator';
import type { EmulatorOptions, RunningEmulator } from '../emulator/emulatorTypes';
import { allClusters, emulatorAccess } from './emulatorAccess';

/** A running emulator, the extension's access to it and its clusters, as a mocha suite's hooks fill them in. */
export interface SeededEmulator {
  readonly emulator: RunningEmulator;
  readonly access: AzureAccess;
  readonly clusters: ClusterModel[];
  /** The cluster of that name (the seed's names are unique). */
  named(name: string): ClusterModel;
}

/**
 * Registers the suite's hooks: start the emulator once (options read then, so they may use the seed), list its
 * clusters, reset it before each test, close it at the end.
 */
export function useSeededEmulator(options: () => EmulatorOptions): SeededEmulator {
  const state = {} as { emulator: RunningEmulator; access: AzureAccess; clusters: ClusterModel[] };
  before(async () => {
    state.emulator = await startEmulator(options());
    state.access = emulatorAccess(state.emulator);
    state.clusters = await allClusters(state.access);
  });
  after(() => state.emulator.close());
  beforeEach(() => state.emulator.reset());
  return {
    get emulator() { return state.emulator; },
    get access() { return state.access; },
    get clusters() { return state.clusters; },
    named: (name) => state.clusters.find((c) => c.name === name) as ClusterModel,
  };
}
