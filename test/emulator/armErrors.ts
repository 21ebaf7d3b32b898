/** ARM's error body: `{ "error": { code, message, target?, details? } }` (common-types ErrorResponse). */
export interface ArmErrorDetail {
  code: string;
  message: string;
  target?: string;
  details?: ArmErrorDetail[];
}

/** Thrown by route handlers; the server turns it into the status and ARM error body. */
export class ArmError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly target?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toBody(): { error: ArmErrorDetail } {
    const error: ArmErrorDetail = { code: this.code, message: this.message };
    if (this.target !== undefined) {
      error.target = this.target;
    }
    return { error };
  }
}

export function notFound(resourceId: string, what = 'resource'): ArmError {
  return new ArmError(404, 'ResourceNotFound', `The ${what} '${resourceId}' was not found.`);
}

/** A request the service rejects up front; `target` names the offending property, as ARM does. */
export function invalidParameter(message: string, target: string): ArmError {
  return new ArmError(400, 'InvalidParameter', message, target);
}

export function conflictingOperation(operation: string, resourceId: string, runningState: string): ArmError {
  return new ArmError(
    409,
    'ConflictingOperation',
    `Operation '${operation}' cannot be performed on '${resourceId}': another operation (${runningState}) is in progress. Retry after it completes.`,
  );
}
