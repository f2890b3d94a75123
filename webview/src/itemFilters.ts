// The filters of the Burndown and Trend views: Rubin's ID prefixes as toggles and others typed, a
// level and a file; kept with the view's state, so that they survive the page being hidden.
import { clear, html, text } from './dom';

/** Rubin's usual ID prefixes, offered as choices. */
export const defaultPrefixes = ['DM-', 'DLP-', 'LDM-503-'] as const;

export interface FilterState {
  prefixes: string[];
  level: number | null;
  file: string | null;
}

/** The filters kept in a view's state, or none chosen when it is missing or not in shape. */
export function readFilterState(value: unknown): FilterState {
  const state: FilterState = { prefixes: [], level: null, file: null };
  if (typeof value !== 'object' || value === null) return state;
  const raw = value as Record<string, unknown>;
  if (Array.isArray(raw.prefixes)) state.prefixes = raw.prefixes.filter((prefix): prefix is string => typeof prefix === 'string' && prefix.length > 0 && prefix.length <= 200);
  if (typeof raw.level === 'number' && Number.isInteger(raw.level)) state.level = raw.level;
  if (typeof raw.file === 'string') state.file = raw.file;
  return state;
}

/** The last path segment of a file URI, for the file filter's choices. */
export function fileName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  try {
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || uri;
  } catch {
    return path.slice(path.lastIndexOf('/') + 1) || uri;
  }
}

/** The filter controls in a toolbar group; `changed` is called with the new state after each change. */
export class ItemFilters {
  private readonly prefixGroup: HTMLElement;
  private readonly otherPrefix: HTMLInputElement;
  private readonly levelSelect: HTMLSelectElement;
  private readonly fileSelect: HTMLSelectElement;

  constructor(
    group: HTMLElement,
    private state: FilterState,
    private readonly changed: (state: FilterState) => void,
    /** What a prefix toggle does, in the view's words: `Count only items whose ID starts with`. */
    prefixTitle: string,
  ) {
    this.prefixGroup = html('div', { class: 'state-toggles prefixes', role: 'group', 'aria-label': 'ID prefixes' }, group);
    for (const prefix of defaultPrefixes) {
      const button = html('button', { class: 'state-toggle prefix', type: 'button', 'data-prefix': prefix, title: `${prefixTitle} ${prefix} (with the other prefixes chosen)` }, this.prefixGroup);
      text(button, prefix);
      button.addEventListener('click', () => this.togglePrefix(prefix));
    }
    this.otherPrefix = html('input', { class: 'filter other-prefix', type: 'search', placeholder: 'Other prefixes', 'aria-label': 'Other ID prefixes, separated by spaces or commas', spellcheck: 'false' }, group);
    this.otherPrefix.value = state.prefixes.filter((prefix) => !(defaultPrefixes as readonly string[]).includes(prefix)).join(' ');
    this.otherPrefix.addEventListener('input', () => {
      const chosen = this.state.prefixes.filter((prefix) => (defaultPrefixes as readonly string[]).includes(prefix));
      this.update({ prefixes: [...chosen, ...this.otherPrefix.value.split(/[\s,]+/).filter((prefix) => prefix.length > 0)] });
    });
    this.levelSelect = html('select', { class: 'level', 'aria-label': 'Level' }, group);
    this.levelSelect.addEventListener('change', () => this.update({ level: this.levelSelect.value === '' ? null : Number(this.levelSelect.value) }));
    this.fileSelect = html('select', { class: 'file', 'aria-label': 'File' }, group);
    this.fileSelect.addEventListener('change', () => this.update({ file: this.fileSelect.value === '' ? null : this.fileSelect.value }));
    this.showPrefixes();
  }

  /** The level and file choices: those the items have, and the one chosen even when it has gone. */
  fillChoices(levels: readonly number[], files: readonly string[]): void {
    const levelChoices = [...new Set(levels)].sort((a, b) => a - b);
    if (this.state.level !== null && !levelChoices.includes(this.state.level)) levelChoices.push(this.state.level);
    clear(this.levelSelect);
    text(html('option', { value: '' }, this.levelSelect), 'All levels');
    for (const level of levelChoices) text(html('option', { value: level }, this.levelSelect), `Level ${level}`);
    this.levelSelect.value = this.state.level === null ? '' : String(this.state.level);
    const fileChoices = [...new Set(files)].sort();
    if (this.state.file !== null && !fileChoices.includes(this.state.file)) fileChoices.push(this.state.file);
    clear(this.fileSelect);
    text(html('option', { value: '' }, this.fileSelect), 'All files');
    for (const file of fileChoices) text(html('option', { value: file, title: file }, this.fileSelect), fileName(file));
    this.fileSelect.value = this.state.file ?? '';
  }

  /** The filters as the series functions take them. */
  get filters(): { prefixes: string[]; level?: number; file?: string } {
    return { prefixes: this.state.prefixes, level: this.state.level ?? undefined, file: this.state.file ?? undefined };
  }

  private update(change: Partial<FilterState>): void {
    this.state = { ...this.state, ...change };
    this.showPrefixes();
    this.changed(this.state);
  }

  private togglePrefix(prefix: string): void {
    const prefixes = this.state.prefixes.includes(prefix) ? this.state.prefixes.filter((chosen) => chosen !== prefix) : [...this.state.prefixes, prefix];
    this.update({ prefixes });
  }

  private showPrefixes(): void {
    for (const button of Array.from(this.prefixGroup.querySelectorAll('button'))) button.setAttribute('aria-pressed', String(this.state.prefixes.includes(button.dataset.prefix ?? '')));
  }
}
