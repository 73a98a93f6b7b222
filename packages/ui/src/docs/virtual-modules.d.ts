/** Source text of every *.css.ts under packages/ui/src, keyed relative to src/docs (see .storybook/main.ts). */
declare module 'virtual:cited/style-sources' {
  const sources: Readonly<Record<string, string>>;
  export default sources;
}
