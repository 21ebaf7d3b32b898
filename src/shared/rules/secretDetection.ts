// Words that mark a setting name as a credential wherever they appear.
const secretWords = new Set(['password', 'passwd', 'pwd', 'secret', 'passphrase', 'credential', 'credentials', 'apikey', 'sas', 'privatekey', 'accesskey', 'accountkey', 'connectionstring']);
// Words that mark a credential only as the last word ("storage.key", "apiToken"; not "keyVaultName").
const trailingSecretWords = new Set(['key', 'token']);
// A last word that says the setting names or points at a secret rather than holding it.
const referenceWords = new Set(['name', 'namespace', 'ref', 'reference', 'id', 'path', 'file', 'enabled', 'enable', 'type', 'provider', 'url', 'uri', 'mode']);

const secretValuePatterns = [
  /AccountKey=|SharedAccessKey=|SharedAccessSignature=|Password=|Pwd=/i,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /^eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}$/, // a JWT
  /[?&]sig=[\w%+/=]{16,}/, // a SAS URL
];

function words(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

// Every secret word contains one of these: most keys are ruled out without splitting them into words.
const mayBeSecret = /pass|pwd|secret|credential|key|sas|token|connection/i;

/** True when a setting name reads like a credential (password, token, connection string, ...). */
export function looksLikeSecretKey(key: string): boolean {
  if (!mayBeSecret.test(key)) return false;
  const w = words(key);
  if (w.length === 0 || referenceWords.has(w[w.length - 1])) return false;
  if (trailingSecretWords.has(w[w.length - 1])) return true;
  for (let i = 0; i < w.length; i++) {
    if (secretWords.has(w[i])) return true;
    if (w[i] === 'connection' && w[i + 1] === 'string') return true;
  }
  return false;
}

/** True when a value reads like a credential (connection string, private key, JWT, SAS signature). */
export function looksLikeSecretValue(value: string): boolean {
  return value.length >= 16 && secretValuePatterns.some((p) => p.test(value));
}

/**
 * Whether a message may quote a setting's value: never for protected settings or anything that reads like a secret
 * (by its key or its value), wherever it stands; an ordinary setting's value helps the reader find the mistake.
 */
export function mayQuoteValue(key: string, value: string, isProtected: boolean): boolean {
  return !isProtected && !looksLikeSecretKey(key) && !looksLikeSecretValue(value);
}
