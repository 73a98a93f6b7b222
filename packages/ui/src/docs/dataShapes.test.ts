import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { ctaActionFields, personRefFields, referenceDataFields } from './dataShapes';

const srcDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Name, optionality and type text of each member of an interface, as TypeScript parses it. */
function interfaceMembers(file: string, name: string) {
  const source = ts.createSourceFile(file, readFileSync(join(srcDir, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const declaration = source.statements.find((node): node is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(node) && node.name.text === name);
  if (!declaration) throw new Error(`No interface ${name} in ${file}`);
  return declaration.members.filter(ts.isPropertySignature).map((member) => ({
    name: member.name.getText(source),
    required: member.questionToken === undefined,
    type: member.type?.getText(source) ?? '',
  }));
}

/** `number | string` and `string | number` are the same type. */
const sortedUnion = (type: string) => type.split('|').map((part) => part.trim()).sort().join(' | ');

describe.each([
  ['ReferenceData', 'components/ReferenceList/vancouver.ts', referenceDataFields],
  ['CTAAction', 'components/CTA/CTA.tsx', ctaActionFields],
  ['PersonRef', 'components/ReviewStatus/ReviewStatus.tsx', personRefFields],
] as const)('the docs of %s', (name, file, documented) => {
  it('list every field with its type and whether it is required, in source order', () => {
    expect(documented.map(({ name: field, required, type }) => ({ name: field, required, type: sortedUnion(type) }))).toEqual(
      interfaceMembers(file, name).map((member) => ({ ...member, type: sortedUnion(member.type) })),
    );
  });

  it('describe every field', () => {
    for (const field of documented) expect(field.description.length, field.name).toBeGreaterThan(10);
  });
});
