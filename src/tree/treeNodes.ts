import type { Extension } from '../azure/extensionModel';
import type { AzureSubscription } from '@microsoft/vscode-azext-azureauth';
import type { ClusterModel } from '../azure/clusterModel';

/** A subscription row; its children are the subscription's AKS clusters. */
export interface SubscriptionNode {
  readonly kind: 'subscription';
  readonly id: string;
  readonly subscription: AzureSubscription;
}

/** An AKS cluster row; its children are its extension instances. */
export interface ClusterNode {
  readonly kind: 'cluster';
  readonly id: string;
  readonly parent: SubscriptionNode;
  readonly cluster: ClusterModel;
}

/** An extension instance row. */
export interface ExtensionNode {
  readonly kind: 'extension';
  readonly id: string;
  /** Parent and extension are replaced in place on a re-read, so one object stands for the row (see AksTreeDataProvider). */
  parent: ClusterNode;
  extension: Extension;
  /** While it runs: when its operation started, as far as the tree can tell (see AksTreeDataProvider). */
  runningSince?: Date;
}

/** A row that explains an empty or failed list; `retry` marks a failure the user can retry by clicking it. */
export interface MessageNode {
  readonly kind: 'message';
  readonly id: string;
  readonly parent: SubscriptionNode | ClusterNode | undefined;
  readonly label: string;
  readonly tooltip?: string;
  readonly severity: 'info' | 'warning' | 'error';
  readonly retry: boolean;
}

export type TreeNode = SubscriptionNode | ClusterNode | ExtensionNode | MessageNode;

export function subscriptionNode(subscription: AzureSubscription): SubscriptionNode {
  return { kind: 'subscription', id: `/subscriptions/${subscription.subscriptionId}`, subscription };
}

export function clusterNode(parent: SubscriptionNode, cluster: ClusterModel): ClusterNode {
  return { kind: 'cluster', id: cluster.id, parent, cluster };
}

export function extensionNode(parent: ClusterNode, extension: Extension): ExtensionNode {
  return { kind: 'extension', id: extension.id ?? `${parent.id}/extensions/${extension.name ?? ''}`, parent, extension };
}

export function messageNode(parent: MessageNode['parent'], key: string, message: Omit<MessageNode, 'kind' | 'id' | 'parent'>): MessageNode {
  return { kind: 'message', id: `${parent?.id ?? ''}#${key}`, parent, ...message };
}
