import * as vscode from 'vscode';
import type { InputOptions, PickItem, PickOptions, Prompter } from './prompter';

type ValueItem<T> = vscode.QuickPickItem & { value: T };

function toItems<T>(items: readonly PickItem<T>[]): ValueItem<T>[] {
  return items.map((i) => ({ label: i.label, description: i.description, detail: i.detail, value: i.value, picked: i.picked }));
}

function title(options: PickOptions): string {
  return options.step !== undefined && options.totalSteps !== undefined ? `${options.title} (${options.step}/${options.totalSteps})` : options.title;
}

/** The real prompter: VS Code's QuickPick, InputBox and modal dialogs. */
export const vscodePrompter: Prompter = {
  async pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T | undefined> {
    const chosen = await vscode.window.showQuickPick(toItems(items), {
      title: title(options),
      placeHolder: options.placeHolder,
      matchOnDescription: true,
      ignoreFocusOut: true,
    });
    return chosen?.value;
  },
  async pickMany<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T[] | undefined> {
    const chosen = await vscode.window.showQuickPick(toItems(items), {
      title: title(options),
      placeHolder: options.placeHolder,
      matchOnDescription: true,
      canPickMany: true,
      ignoreFocusOut: true,
    });
    return chosen?.map((c) => c.value);
  },
  input(options: InputOptions): Promise<string | undefined> {
    return Promise.resolve(
      vscode.window.showInputBox({
        title: title(options),
        prompt: options.prompt,
        placeHolder: options.placeHolder,
        value: options.value,
        password: options.password,
        ignoreFocusOut: true,
        validateInput: options.validate,
      }),
    );
  },
  async confirm(message: string, detail: string, yes: string): Promise<boolean> {
    return (await vscode.window.showWarningMessage(message, { modal: true, detail }, yes)) === yes;
  },
};
