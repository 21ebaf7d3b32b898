import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { describeAzureError } from '../../azure/azureErrorMessage';
import type { ClusterModel } from '../../azure/clusterModel';
import { type CatalogAnswer, type CatalogType, listCatalogTypes, listCatalogVersions } from '../../azure/extensionTypesCatalog';
import { type ExtensionRequest, findExtensionType, validateExtensionRequest } from '../../shared';
import { readSettingsText } from '../../shared/settingsText';
import { runSteps, type Step, type StepPosition } from '../../ui/multiStep';
import type { Prompter } from '../../ui/prompter';
import type { ExtensionServices } from '../services';
import { pickOrType, requireValue } from './pickOrType';
import type { CreateTarget } from './createTarget';
import { confirmReview } from './reviewStep';
import { checkRequest } from './sendCreate';
import { editSettingsInDocument } from './settingsDocument';
import { askSettings, type SettingsAnswer } from './settingsQuestions';

const DAPR = 'microsoft.dapr';

/** The answers so far; Back keeps them as the defaults of the questions asked again. */
interface CreateState {
  extensionType?: string;
  name?: string;
  scope?: 'cluster' | 'namespace';
  namespace?: string;
  autoUpgrade: boolean;
  /** Set only when the user chose a mode other than the service's default (compatible). */
  autoUpgradeMode?: 'patch';
  releaseTrain?: string;
  version?: string;
  daprTakeover?: { name: string; namespace: string } | false;
  settings?: SettingsAnswer;
  protectedSettings?: SettingsAnswer;
  plan?: { name: string; product: string; publisher: string };
}

/** What the flow starts from: a settings file fixes the type and the settings, so those questions are skipped. */
export interface CreatePreset {
  readonly extensionType?: string;
  readonly settings?: SettingsAnswer;
  readonly protectedSettings?: SettingsAnswer;
}

function info(state: CreateState) {
  return state.extensionType ? findExtensionType(state.extensionType) : undefined;
}

function isDapr(state: CreateState): boolean {
  return state.extensionType?.toLowerCase() === DAPR;
}

/** A name the service accepts, from the type: its short alias, else its last dotted part. */
function defaultName(type: string): string {
  const alias = findExtensionType(type)?.aliases[0];
  return (alias ?? type.split('.').pop() ?? type).toLowerCase().replace(/[^a-z0-9-]/g, '-');
}

function settingsFields(answer: SettingsAnswer | undefined, isProtected: boolean, extra: Record<string, string>): Partial<ExtensionRequest> {
  const values = answer?.kind === 'entries' ? { ...answer.values, ...extra } : Object.keys(extra).length > 0 && answer?.kind !== 'file' ? extra : undefined;
  if (answer?.kind === 'file') {
    return isProtected ? { configurationProtectedSettingsFile: answer.path } : { configurationSettingsFile: answer.path };
  }
  if (!values) {
    return {};
  }
  return isProtected ? { configurationProtectedSettings: values } : { configurationSettings: values };
}

/** A settings file's pairs as entries, or undefined when it cannot be read as one object of strings. */
function fileEntries(file: string): Record<string, string> | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const parsed = readSettingsText(text);
  if (parsed.rootKind !== 'object' || parsed.syntaxErrors.length > 0 || parsed.entries.some((e) => e.kind !== 'string')) return undefined;
  return Object.fromEntries(parsed.entries.map((e) => [e.key, e.text]));
}

/** True when a settings file answers the Dapr question itself (skipExistingDaprCheck, or the existing release's keys). */
function fileAnswersDapr(answer: SettingsAnswer | undefined): boolean {
  if (answer?.kind !== 'file') return false;
  const values = fileEntries(answer.path) ?? {};
  return values.skipExistingDaprCheck !== undefined || values.existingDaprReleaseName !== undefined || values.existingDaprReleaseNamespace !== undefined;
}

/**
 * The settings to send: the answer as given, except that Dapr's answer must reach Azure even when the settings come
 * from a file (a request takes a file or entries, not both), so the file is read into entries then. A file that
 * cannot be read stays a file: the checks report it, and nothing is sent.
 */
function settingsWithDaprAnswer(state: CreateState): SettingsAnswer | undefined {
  if (!isDapr(state) || state.daprTakeover === undefined || state.settings?.kind !== 'file') return state.settings;
  const values = fileEntries(state.settings.path);
  return values ? { kind: 'entries', values } : state.settings;
}

/** The request in the CLI's terms, from the answers. */
function toRequest(state: CreateState): ExtensionRequest {
  // Dapr must never wait for the CLI's interactive question: the answer travels as settings.
  const dapr: Record<string, string> = !isDapr(state) || state.daprTakeover === undefined
    ? {}
    : state.daprTakeover
      ? { existingDaprReleaseName: state.daprTakeover.name, existingDaprReleaseNamespace: state.daprTakeover.namespace }
      : { skipExistingDaprCheck: 'true' };
  const scope = state.scope ?? 'cluster';
  return {
    extensionType: state.extensionType ?? '',
    name: state.name ?? '',
    scope,
    ...(scope === 'cluster' ? (state.namespace ? { releaseNamespace: state.namespace } : {}) : { targetNamespace: state.namespace }),
    autoUpgradeMinorVersion: state.autoUpgrade,
    ...(state.autoUpgrade && state.autoUpgradeMode ? { autoUpgradeMode: state.autoUpgradeMode } : {}),
    ...(state.autoUpgrade ? (state.releaseTrain ? { releaseTrain: state.releaseTrain } : {}) : { version: state.version }),
    ...settingsFields(settingsWithDaprAnswer(state), false, dapr),
    ...settingsFields(state.protectedSettings, true, {}),
    ...(state.plan ? { plan: state.plan } : {}),
  };
}

/** Logs why Azure's extension-types catalog did not answer (the flow goes on with the built-in list). */
function catalogFallbackLogger(services: ExtensionServices, cluster: ClusterModel): (err: unknown) => void {
  return (err) => services.log.warn(`Extension-types catalog of ${cluster.name} did not answer; using the built-in list (${describeAzureError(err, 'Listing extension types').detail})`);
}

/** The picker's second line for a type: its description, and (for a cluster) when the catalog says the cluster's region lacks it. */
function typePickDetail(type: CatalogType, cluster: ClusterModel | undefined): string | undefined {
  const offered = !cluster || type.supportedRegions.length === 0 || type.supportedRegions.some((r) => r.toLowerCase().replace(/\s+/g, '') === cluster.location.toLowerCase());
  return offered || !cluster ? type.description : vscode.l10n.t('Not offered in {0}. {1}', cluster.location, type.description ?? '').trim();
}

/** The extension-type question: the catalog's types (marked for a cluster's region), or any type typed in. */
export function pickExtensionType(
  prompter: Prompter,
  catalog: CatalogAnswer,
  options: { readonly title: string; readonly cluster?: ClusterModel; readonly value?: string },
  position: StepPosition,
): Promise<string | undefined> {
  return pickOrType(
    prompter,
    catalog.types.map((t) => ({ label: t.type, description: t.publisher, detail: typePickDetail(t, options.cluster), value: t.type })),
    {
      title: options.title,
      placeHolder:
        catalog.source === 'azure'
          ? options.cluster
            ? vscode.l10n.t('Extension type (from Azure for this cluster)')
            : vscode.l10n.t('Extension type (from Azure for this subscription)')
          : vscode.l10n.t('Extension type (built-in list: Azure\'s catalog did not answer)'),
      inputPrompt: vscode.l10n.t('Extension type, e.g. microsoft.flux'),
      value: options.value,
    },
    position,
  );
}

/** The catalog's entry for a type (types compare without case). */
function catalogEntry(catalog: CatalogAnswer, extensionType: string | undefined): CatalogType | undefined {
  return catalog.types.find((t) => t.type.toLowerCase() === extensionType?.toLowerCase());
}

/** True for a Marketplace type: its catalog entry has a plan, or it is neither in Azure's catalog nor known first-party. */
function asksPlan(catalog: CatalogAnswer, extensionType: string): boolean {
  const entry = catalogEntry(catalog, extensionType);
  return entry ? entry.plan !== undefined : findExtensionType(extensionType) === undefined;
}

/** A plan typed in: name, product and publisher (all three, the CLI's rule); false when cancelled. */
async function askOtherPlan(prompter: Prompter, state: CreateState, title: string, position: StepPosition): Promise<boolean> {
  const name = await prompter.input({ title, ...position, prompt: vscode.l10n.t('Plan name'), value: state.plan?.name, validate: requireValue });
  const product = name === undefined ? undefined : await prompter.input({ title, ...position, prompt: vscode.l10n.t('Plan product'), value: state.plan?.product, validate: requireValue });
  const publisher = product === undefined ? undefined : await prompter.input({ title, ...position, prompt: vscode.l10n.t('Plan publisher'), value: state.plan?.publisher, validate: requireValue });
  if (name === undefined || product === undefined || publisher === undefined) {
    return false;
  }
  state.plan = { name: name.trim(), product: product.trim(), publisher: publisher.trim() };
  return true;
}

/** When each optional question is asked; the name and the review always are. */
function questionsAsked(catalog: CatalogAnswer, preset: CreatePreset) {
  return {
    type: (): boolean => preset.extensionType === undefined,
    // Types known to install only at cluster scope are not asked. Until a type is chosen the step counter counts
    // this step out, as for most types, so it does not shrink after the first answer.
    scope: (state: CreateState): boolean => state.extensionType !== undefined && (!info(state) || info(state)?.scopes.includes('namespace') === true),
    // AzureML's namespace is forced and Backup's ignored: asking would mislead.
    namespace: (state: CreateState): boolean => (state.scope ?? 'cluster') === 'namespace' || (!info(state)?.releaseNamespaceForced && !info(state)?.releaseNamespaceIgnored),
    upgrades: (state: CreateState): boolean => !info(state)?.versionIgnored,
    releaseTrain: (state: CreateState): boolean => state.autoUpgrade,
    version: (state: CreateState): boolean => !state.autoUpgrade,
    // A settings file that says whether Dapr is installed answers this; otherwise the question is asked, file or not.
    dapr: (state: CreateState): boolean => isDapr(state) && !fileAnswersDapr(preset.settings),
    settings: (): boolean => preset.settings === undefined,
    protectedSettings: (state: CreateState): boolean => preset.protectedSettings === undefined && !info(state)?.protectedSettingsIgnored,
    // Only a Marketplace type takes a plan: one whose catalog entry has planInfo, or one Azure's catalog does not list
    // (typed in) that this extension does not know as first-party. Counted out until a type is chosen.
    plan: (state: CreateState): boolean => state.extensionType !== undefined && asksPlan(catalog, state.extensionType),
  };
}

/** The answers the wizard starts from. */
function initialState(preset: CreatePreset): CreateState {
  return { extensionType: preset.extensionType, settings: preset.settings, protectedSettings: preset.protectedSettings, autoUpgrade: true };
}

/**
 * How many questions the wizard asks, as its counter says at its first question, once the type is known (or still to be
 * chosen, counted the same way): so a flow that asks the type and continues with the wizard counts it before it starts.
 */
export function createQuestionCount(catalog: CatalogAnswer, extensionType: string | undefined): number {
  const state = initialState({ extensionType });
  const optional = Object.entries(questionsAsked(catalog, { extensionType })).filter(([question]) => question !== 'type');
  return 2 + optional.filter(([, asked]) => asked(state)).length;
}

function steps(services: ExtensionServices, target: CreateTarget, catalog: CatalogAnswer, preset: CreatePreset): Step<CreateState>[] {
  const { prompter } = services;
  const asks = questionsAsked(catalog, preset);
  const { title, cluster } = target;
  const logFallback = catalogFallbackLogger(services, cluster);
  return [
    {
      when: asks.type,
      async run(state, position) {
        state.extensionType = await pickExtensionType(prompter, catalog, { title, cluster, value: state.extensionType }, position);
        return state.extensionType !== undefined;
      },
    },
    {
      async run(state, position) {
        const type = state.extensionType ?? '';
        const name = await prompter.input({
          title,
          ...position,
          prompt: vscode.l10n.t('Name of the extension instance (also its Helm release name)'),
          value: state.name ?? defaultName(type),
          validate: (value) => validateExtensionRequest({ extensionType: type, name: value }).find((p) => p.field === 'name')?.message,
        });
        state.name = name;
        return name !== undefined;
      },
    },
    {
      when: asks.scope,
      async run(state, position) {
        const scope = await prompter.pick<'cluster' | 'namespace'>(
          [
            { label: vscode.l10n.t('Cluster'), description: vscode.l10n.t('one release for the whole cluster'), value: 'cluster' },
            { label: vscode.l10n.t('Namespace'), description: vscode.l10n.t('permissions limited to one namespace'), value: 'namespace' },
          ],
          { title, placeHolder: vscode.l10n.t('Scope of the installation'), ...position },
        );
        if (scope !== state.scope) {
          state.namespace = undefined;
        }
        state.scope = scope;
        return scope !== undefined;
      },
    },
    {
      when: asks.namespace,
      async run(state, position) {
        const namespaceScope = state.scope === 'namespace';
        const catalogDefault = catalogEntry(catalog, state.extensionType)?.defaultReleaseNamespace;
        const namespace = await prompter.input({
          title,
          ...position,
          prompt: namespaceScope ? vscode.l10n.t('Target namespace to install into') : vscode.l10n.t('Release namespace (leave empty for the type\'s default)'),
          value: state.namespace ?? (namespaceScope ? '' : (info(state)?.defaultReleaseNamespace ?? catalogDefault ?? '')),
          validate: namespaceScope ? requireValue : undefined,
        });
        state.namespace = namespace?.trim() || undefined;
        return namespace !== undefined;
      },
    },
    {
      when: asks.upgrades,
      async run(state, position) {
        // The three autoUpgradeMode values of API 2025-03-01: compatible (the service's default), patch, and none (a pin).
        const auto = await prompter.pick<'compatible' | 'patch' | 'none'>(
          [
            { label: vscode.l10n.t('Upgrade minor versions automatically'), description: vscode.l10n.t('follows a release train (default; auto-upgrade mode compatible)'), value: 'compatible' },
            { label: vscode.l10n.t('Upgrade patch versions only'), description: vscode.l10n.t('stays on its minor version (auto-upgrade mode patch)'), value: 'patch' },
            { label: vscode.l10n.t('Pin a version'), description: vscode.l10n.t('no automatic upgrades, not even patches'), value: 'none' },
          ],
          { title, placeHolder: vscode.l10n.t('Upgrades of the extension'), ...position },
        );
        if (auto !== undefined) {
          state.autoUpgrade = auto !== 'none';
          state.autoUpgradeMode = auto === 'patch' ? 'patch' : undefined;
        }
        return auto !== undefined;
      },
    },
    {
      when: asks.releaseTrain,
      async run(state, position) {
        const trains = info(state)?.releaseTrains ?? ['stable', 'preview'];
        state.releaseTrain = await pickOrType(
          prompter,
          trains.map((t) => ({ label: t, value: t })),
          { title, placeHolder: vscode.l10n.t('Release train'), inputPrompt: vscode.l10n.t('Release train'), value: state.releaseTrain },
          position,
        );
        return state.releaseTrain !== undefined;
      },
    },
    {
      when: asks.version,
      async run(state, position) {
        const versions = await listCatalogVersions(services.access, cluster, state.extensionType ?? '', 'stable', logFallback);
        state.version = await pickOrType(
          prompter,
          versions.map((v) => ({ label: v, value: v })),
          { title, placeHolder: vscode.l10n.t('Version to pin'), inputPrompt: vscode.l10n.t('Version, e.g. 1.2.3'), value: state.version },
          position,
        );
        return state.version !== undefined;
      },
    },
    {
      when: asks.dapr,
      async run(state, position) {
        const takeover = await prompter.pick<boolean>(
          [
            { label: vscode.l10n.t('Install Dapr'), description: vscode.l10n.t('Dapr is not installed on this cluster (sends skipExistingDaprCheck=true)'), value: false },
            { label: vscode.l10n.t('Take over a Dapr installed with Helm'), description: vscode.l10n.t('asks for its release name and namespace'), value: true },
          ],
          { title, placeHolder: vscode.l10n.t('Is Dapr already installed on {0}?', target.where), ...position },
        );
        if (takeover === undefined) {
          return false;
        }
        if (!takeover) {
          state.daprTakeover = false;
          return true;
        }
        const name = await prompter.input({ title, ...position, prompt: vscode.l10n.t('Helm release name of the installed Dapr'), value: 'dapr', validate: requireValue });
        const namespace = name === undefined ? undefined : await prompter.input({ title, ...position, prompt: vscode.l10n.t('Namespace of the installed Dapr'), value: 'dapr-system', validate: requireValue });
        state.daprTakeover = name !== undefined && namespace !== undefined ? { name: name.trim(), namespace: namespace.trim() } : undefined;
        return state.daprTakeover !== undefined;
      },
    },
    {
      when: asks.settings,
      async run(state, position) {
        const extensionType = state.extensionType ?? '';
        const editInDocument = (): Promise<Record<string, string> | undefined> =>
          editSettingsInDocument(prompter, {
            extensionType,
            settings: state.settings?.kind === 'entries' ? state.settings.values : (info(state)?.newInstanceSettings ?? {}),
            hint: vscode.l10n.t('Write the settings of {0}, then choose ✓ in the title bar. Closing the editor cancels.', state.name ?? extensionType),
          });
        // A type az refuses without settings starts in the editor, with what it needs; None would only fail.
        const allowNone = info(state)?.newInstanceSettings === undefined;
        state.settings = await askSettings(prompter, { title, isProtected: false, editInDocument, allowNone }, position);
        return state.settings !== undefined;
      },
    },
    {
      when: asks.protectedSettings,
      async run(state, position) {
        state.protectedSettings = await askSettings(prompter, { title, isProtected: true }, position);
        return state.protectedSettings !== undefined;
      },
    },
    {
      when: asks.plan,
      async run(state, position) {
        const catalogPlan = catalogEntry(catalog, state.extensionType)?.plan;
        const choice = await prompter.pick<'catalog' | 'none' | 'other'>(
          [
            ...(catalogPlan
              ? [{ label: vscode.l10n.t('Plan {0}', catalogPlan.name), description: vscode.l10n.t('{0} by {1}, from Azure\'s catalog', catalogPlan.product, catalogPlan.publisher), value: 'catalog' as const }]
              : [{ label: vscode.l10n.t('No Marketplace plan'), value: 'none' as const }]),
            { label: catalogPlan ? vscode.l10n.t('Another plan…') : vscode.l10n.t('Marketplace plan…'), description: vscode.l10n.t('name, product and publisher'), value: 'other' },
          ],
          { title, placeHolder: vscode.l10n.t('Marketplace plan of {0}', state.extensionType ?? ''), ...position },
        );
        if (choice === undefined) {
          return false;
        }
        state.plan = choice === 'catalog' ? catalogPlan : undefined;
        return choice === 'other' ? askOtherPlan(prompter, state, title, position) : true;
      },
    },
    {
      async run(state, position) {
        const req = toRequest(state);
        // Errors are listed in the review too, which then offers Back instead of sending: no answer is lost.
        return confirmReview(prompter, { title, ...(await target.review(req)), ...checkRequest(req) }, position);
      },
    },
  ];
}

/**
 * Asks for everything `az k8s-extension create` takes, with Back and a step counter; undefined when cancelled. `within`
 * places the wizard as one step of a larger flow (runSteps): one counter, and Back from its first question leaves it.
 */
export async function askCreateRequest(services: ExtensionServices, target: CreateTarget, preset: CreatePreset = {}, within?: StepPosition): Promise<ExtensionRequest | undefined> {
  const catalog = await listCatalogTypes(services.access, target.cluster, catalogFallbackLogger(services, target.cluster));
  const state = initialState(preset);
  return (await runSteps(steps(services, target, catalog, preset), state, within)) ? toRequest(state) : undefined;
}
