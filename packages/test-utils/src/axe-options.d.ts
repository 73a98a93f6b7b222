export declare const wcagTags: readonly ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export declare const axeRunOptions: { readonly runOnly: { type: 'tag'; values: string[] } };
export declare const storybookAxeRunOptions: { readonly runOnly: { type: 'tag'; values: string[] } };
