import type { FleetBucket, FleetMember, FleetTypeGroup } from '../fleet/fleetBuckets';

/** The first row: when the inventory was read, from where, and what the filter keeps; or why it could not be read. */
export interface FleetInfoNode {
  readonly kind: 'fleetInfo';
  readonly id: string;
  readonly label: string;
  readonly tooltip: string;
  readonly severity: 'info' | 'warning' | 'error';
  /** A failed read: clicking the row reads again. */
  readonly retry: boolean;
}

/** An extension type; its children are its versions and states. */
export interface FleetTypeNode {
  readonly kind: 'fleetType';
  readonly id: string;
  readonly group: FleetTypeGroup;
}

/** A version or state of a type (or Not installed); its children are the clusters in it. */
export interface FleetBucketNode {
  readonly kind: 'fleetBucket';
  readonly id: string;
  readonly parent: FleetTypeNode;
  readonly bucket: FleetBucket;
}

/** A cluster in a bucket, with its instance of the type (none in Not installed). */
export interface FleetMemberNode {
  readonly kind: 'fleetMember';
  readonly id: string;
  readonly parent: FleetBucketNode;
  readonly member: FleetMember;
}

export type FleetNode = FleetInfoNode | FleetTypeNode | FleetBucketNode | FleetMemberNode;

export function fleetTypeNode(group: FleetTypeGroup): FleetTypeNode {
  return { kind: 'fleetType', id: `fleet:${group.extensionType.toLowerCase()}`, group };
}

export function fleetBucketNode(parent: FleetTypeNode, bucket: FleetBucket): FleetBucketNode {
  return { kind: 'fleetBucket', id: `${parent.id}|${bucket.kind}|${bucket.label}|${bucket.pinned ? 'pinned' : 'auto'}`, parent, bucket };
}

export function fleetMemberNode(parent: FleetBucketNode, member: FleetMember): FleetMemberNode {
  return { kind: 'fleetMember', id: `${parent.id}|${member.cluster.id.toLowerCase()}|${member.extension?.name ?? ''}`, parent, member };
}
