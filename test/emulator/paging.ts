import type { ArmRequest } from './router';

/** Query parameter carrying the offset of the next page in our nextLinks (opaque to clients, as in ARM). */
const SKIP_TOKEN = '$skipToken';

export interface Page<T> {
  value: T[];
  /** Absent on the last page (the spec types nextLink as a non-nullable string). */
  nextLink?: string;
}

/** One page of `items`; the nextLink repeats the request's query (api-version, filters) so clients can follow it as is. */
export function page<T>(items: T[], request: ArmRequest, pageSize: number): Page<T> {
  const skip = Math.max(0, Number.parseInt(request.query.get(SKIP_TOKEN) ?? '0', 10) || 0);
  const size = Math.max(1, pageSize);
  const result: Page<T> = { value: items.slice(skip, skip + size) };
  if (skip + size < items.length) {
    const query = new URLSearchParams(request.query);
    query.set(SKIP_TOKEN, String(skip + size));
    result.nextLink = `${request.baseUrl}${request.path}?${query.toString()}`;
  }
  return result;
}
