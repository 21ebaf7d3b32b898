import * as vscode from 'vscode';
import { type FileOptions, GoBackError, type InputOptions, type PickItem, type PickOptions, type Prompter } from './prompter';

type ValueItem<T> = vscode.QuickPickItem & { value: T };

function toItems<T>(items: readonly PickItem<T>[]): ValueItem<T>[] {
  const shown: ValueItem<T>[] = [];
  items.forEach((i, index) => {
    if (i.group !== undefined && i.group !== items[index - 1]?.group) {
      // A separator can be neither selected nor accepted, so its missing value is never read.
      shown.push({ label: i.group, kind: vscode.QuickPickItemKind.Separator } as ValueItem<T>);
    }
    shown.push({ label: i.label, description: i.description, detail: i.detail, value: i.value, picked: i.picked });
  });
  return shown;
}

/** Applies what QuickPick and InputBox share: title, native step counter, Back button, focus behaviour. */
function configure(input: vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox, options: PickOptions): void {
  input.title = options.title;
  input.step = options.step;
  input.totalSteps = options.totalSteps;
  input.placeholder = options.placeHolder;
  input.ignoreFocusOut = true;
  input.buttons = options.canGoBack ? [vscode.QuickInputButtons.Back] : [];
}

/**
 * Shows a QuickPick or InputBox and settles once: with `accept`'s value, with undefined when hidden (cancelled),
 * or with GoBackError when Back was pressed.
 */
function run<R, Q extends vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox>(input: Q, accept: (input: Q) => R | undefined): Promise<R | undefined> {
  return new Promise<R | undefined>((resolve, reject) => {
    const disposables: vscode.Disposable[] = [];
    const finish = (settle: () => void): void => {
      disposables.forEach((d) => d.dispose());
      input.dispose();
      settle();
    };
    disposables.push(
      input.onDidAccept(() => {
        const value = accept(input);
        if (value !== undefined) {
          finish(() => resolve(value));
        }
      }),
      input.onDidTriggerButton((button) => {
        if (button === vscode.QuickInputButtons.Back) {
          finish(() => reject(new GoBackError()));
        }
      }),
      input.onDidHide(() => finish(() => resolve(undefined))),
    );
    input.show();
  });
}

/** The real prompter: VS Code's QuickPick, InputBox, file dialog and modal dialogs. */
export const vscodePrompter: Prompter = {
  pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T | undefined> {
    const quickPick = vscode.window.createQuickPick<ValueItem<T>>();
    configure(quickPick, options);
    quickPick.matchOnDescription = true;
    quickPick.items = toItems(items);
    return run(quickPick, (q) => q.selectedItems[0]?.value);
  },
  pickMany<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T[] | undefined> {
    const quickPick = vscode.window.createQuickPick<ValueItem<T>>();
    configure(quickPick, options);
    quickPick.matchOnDescription = true;
    quickPick.canSelectMany = true;
    quickPick.items = toItems(items);
    const answer = run(quickPick, (q) => q.selectedItems.map((i) => i.value));
    // Checked once shown: code-server's quick input (4.x) drops the checks of selectedItems set before show().
    quickPick.selectedItems = quickPick.items.filter((i) => i.picked);
    return answer;
  },
  input(options: InputOptions): Promise<string | undefined> {
    const box = vscode.window.createInputBox();
    configure(box, options);
    box.prompt = options.prompt;
    box.value = options.value ?? '';
    box.password = options.password ?? false;
    box.onDidChangeValue((value) => {
      box.validationMessage = options.validate?.(value);
    });
    return run(box, (b) => {
      const problem = options.validate?.(b.value);
      b.validationMessage = problem;
      return problem === undefined ? b.value : undefined;
    });
  },
  async pickFile(options: FileOptions): Promise<string | undefined> {
    const picked = await vscode.window.showOpenDialog({
      title: options.title,
      canSelectMany: false,
      filters: options.filters,
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    });
    return picked?.[0]?.fsPath;
  },
  async notify(severity: 'info' | 'warning' | 'error', message: string, ...actions: string[]): Promise<string | undefined> {
    const show = { info: vscode.window.showInformationMessage, warning: vscode.window.showWarningMessage, error: vscode.window.showErrorMessage }[severity];
    return show(message, ...actions);
  },
  async confirm(message: string, detail: string, yes: string): Promise<boolean> {
    return (await vscode.window.showWarningMessage(message, { modal: true, detail }, yes)) === yes;
  },
  withProgress<R>(title: string, task: (token: vscode.CancellationToken, report: (message: string, increment?: number) => void) => Promise<R>): Promise<R> {
    return Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) =>
        task(token, (message, increment) => progress.report({ message, increment })),
      ),
    );
  },
};
