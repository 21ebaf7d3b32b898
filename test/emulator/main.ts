/*
 * `npm run emulator`: starts the Azure emulator with options from AKSEXT_EMULATOR_* environment variables and runs until
 * SIGINT/SIGTERM. Point the extension at it with AKSEXT_EMULATOR_URL and AKSEXT_EMULATOR_CA_FILE (printed below).
 */
import { startEmulator } from './emulator';
import { EMULATOR_CA_FILE_ENV, EMULATOR_URL_ENV, type EmulatorOptions } from './emulatorTypes';
import { seedFromEnvironment } from './scaleSeed';

function numberFromEnv(name: string): number | undefined {
  const raw = process.env[`AKSEXT_EMULATOR_${name}`];
  if (raw === undefined || raw.trim() === '') {
    return undefined;
  }
  const value = Number(raw);
  if (!Number.isFinite(value)) {
    throw new Error(`AKSEXT_EMULATOR_${name} must be a number, got '${raw}'`);
  }
  return value;
}

function optionsFromEnv(): EmulatorOptions {
  return {
    port: numberFromEnv('PORT'),
    pageSize: numberFromEnv('PAGE_SIZE'),
    operationDelayMs: numberFromEnv('OPERATION_DELAY_MS'),
    resourceGraphLagMs: numberFromEnv('GRAPH_LAG_MS'),
    caFile: process.env.AKSEXT_EMULATOR_CA_FILE || undefined,
    seedFile: process.env.AKSEXT_EMULATOR_SEED_FILE || undefined,
    armBudget: process.env.AKSEXT_EMULATOR_ARM_BUDGET === '1',
    seed: seedFromEnvironment(),
    faults: {
      latencyMs: numberFromEnv('LATENCY_MS'),
      throttleRate: numberFromEnv('THROTTLE_RATE'),
      retryAfterSeconds: numberFromEnv('RETRY_AFTER'),
      serverErrorRate: numberFromEnv('SERVER_ERROR_RATE'),
      dropRate: numberFromEnv('DROP_RATE'),
      pathPattern: process.env.AKSEXT_EMULATOR_FAULT_PATH_PATTERN || undefined,
    },
  };
}

async function main(): Promise<void> {
  const emulator = await startEmulator(optionsFromEnv());
  console.log(`Azure emulator listening on ${emulator.url}`);
  console.log(`CA certificate: ${emulator.caFile}`);
  console.log(`Use it: ${EMULATOR_URL_ENV}=${emulator.url} ${EMULATOR_CA_FILE_ENV}=${emulator.caFile}`);
  const stop = (): void => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
