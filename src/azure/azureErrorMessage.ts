import { isRestError } from '@azure/core-rest-pipeline';

/** An Azure failure as the user reads it (one sentence that says what to do) and as the log keeps it (all the detail). */
export interface DescribedAzureError {
  readonly message: string;
  readonly detail: string;
  readonly statusCode: number | undefined;
  readonly code: string | undefined;
}

interface ArmErrorBody {
  error?: { code?: string; message?: string; target?: string; details?: { code?: string; message?: string }[] };
}

/** The text Azure put in the error body, if it sent one. */
function armError(err: unknown): ArmErrorBody['error'] {
  if (isRestError(err)) {
    const body = err.details as ArmErrorBody | undefined;
    if (body?.error) {
      return body.error;
    }
    const text = err.response?.bodyAsText;
    if (text) {
      try {
        return (JSON.parse(text) as ArmErrorBody).error;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0].trim();
}

/** Turns an error from the Azure SDK into one sentence that says what to do, plus the full detail for the log. */
export function describeAzureError(err: unknown, action: string): DescribedAzureError {
  const body = armError(err);
  const statusCode = isRestError(err) ? err.statusCode : undefined;
  const code = body?.code ?? (isRestError(err) ? err.code : undefined);
  const azureText = firstLine(body?.message ?? (err instanceof Error ? err.message : String(err)));
  let advice: string;
  switch (true) {
    case statusCode === 401:
      advice = 'Azure did not accept your sign-in. Sign in again and retry.';
      break;
    case statusCode === 403:
      advice = 'Your account lacks permission for this. Ask for the Contributor role on the cluster, then retry.';
      break;
    case statusCode === 404:
      advice = `It no longer exists in Azure (${azureText}). Refresh the view.`;
      break;
    case statusCode === 409:
      advice = `Another operation is still running on it (${azureText}). Wait for it to finish, then retry.`;
      break;
    case statusCode === 429:
      advice = 'Azure is throttling requests. Wait a minute, then retry.';
      break;
    case statusCode !== undefined && statusCode >= 500:
      advice = `Azure failed to answer (${statusCode} ${code ?? ''}`.trimEnd() + '). Retry in a moment.';
      break;
    case statusCode === undefined && isRestError(err):
      advice = `Could not reach Azure (${azureText}). Check your network connection, then retry.`;
      break;
    default:
      advice = `${azureText.replace(/\.$/, '')}.`;
  }
  const requestId = isRestError(err) ? err.response?.headers.get('x-ms-request-id') ?? err.request?.requestId : undefined;
  const detail = [
    `${action} failed`,
    statusCode !== undefined ? `status ${statusCode}` : undefined,
    code ? `code ${code}` : undefined,
    body?.target ? `target ${body.target}` : undefined,
    requestId ? `request id ${requestId}` : undefined,
    `message: ${body?.message ?? (err instanceof Error ? err.message : String(err))}`,
    ...(body?.details ?? []).map((d) => `detail ${d.code ?? ''}: ${d.message ?? ''}`),
  ]
    .filter((part): part is string => part !== undefined)
    .join('; ');
  return { message: `${action} failed: ${advice}`, detail, statusCode, code };
}
