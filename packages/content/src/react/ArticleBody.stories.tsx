/// <reference types="vite/client" />
import { Prose, ReferenceList } from '@cited/ui';
import type { Meta, StoryObj } from '@storybook/react-vite';
// `@site-content/` is the site's content folder (root package.json `cited.content`; aliased in
// .storybook/main.ts and vitest.config.ts).
import seedSource from '@site-content/articles/failed-back-surgery-syndrome.md?raw';
import { compileArticle } from '../compile.js';
import type { Article } from '../types.js';
import { ArticleBody, ArticleKeyPoints, toReferenceListData } from './index.js';

// The real seed article, compiled in the browser from its markdown exactly as the blog compiles
// it on the server: what designers see here is what patients get.
const seedArticle = compileArticle(seedSource, {
  path: 'failed-back-surgery-syndrome.md',
  now: new Date('2026-11-24T00:00:00Z'),
});

function RenderedArticle({ article, emergencyNumber }: { article: Article; emergencyNumber?: string }) {
  return (
    <Prose>
      <h1>{article.meta.title}</h1>
      <ArticleKeyPoints article={article} />
      <ArticleBody article={article} emergencyNumber={emergencyNumber} />
      <ReferenceList references={toReferenceListData(article)} />
    </Prose>
  );
}

const meta = {
  title: 'Content/Rendered article',
  component: RenderedArticle,
  tags: ['autodocs'],
  parameters: {
    layout: 'padded',
    docs: {
      description: {
        component: `
The markdown pipeline end to end: \`compileArticle\` from \`@cited/content\` turns an article file
(frontmatter, \`:cite[…]\`, \`:::study\`, \`:::pullquote\`, \`:::care\`, \`:::key-points\`, \`:::cta\`)
into a sanitized tree, and \`ArticleBody\` from \`@cited/content/react\` maps it onto the @cited/ui
components — Citation with its reference preview, Pullquote, StudyCallout (with its certainty and
design), CareCard (with the site's emergency number, passed as \`emergencyNumber\`), CTA — inside
\`Prose\`, followed by the ReferenceList with its backlinks. \`ArticleKeyPoints\` renders the
\`:::key-points\` the compiler took out of the body (the blog shows them before its contents).

**Use it** to check how a real article reads with the current components and themes. **Don't**
hand-compose articles from components in an app: write markdown (see \`packages/content/AUTHORING.md\`)
and render it with \`ArticleBody\`, so citation numbering and integrity checks stay automatic.
`,
      },
    },
  },
} satisfies Meta<typeof RenderedArticle>;

export default meta;
type Story = StoryObj<typeof meta>;

/** "Treatment options for Failed Back Surgery Syndrome", compiled from its markdown in the browser. */
export const SeedArticle: Story = {
  name: 'Seed article',
  args: { article: seedArticle, emergencyNumber: '911' },
};
