import type { AccessToken, TokenCredential } from '@azure/core-auth';

/** The emulator accepts any bearer token; this fixed one can never be a real Azure token. */
export const EMULATOR_TOKEN = 'aks-cluster-extensions-emulator-token';

export const emulatorCredential: TokenCredential = {
  getToken(): Promise<AccessToken> {
    return Promise.resolve({ token: EMULATOR_TOKEN, expiresOnTimestamp: Date.now() + 60 * 60 * 1000 });
  },
};
