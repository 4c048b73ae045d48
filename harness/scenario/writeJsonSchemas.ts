/** `npm run schema`: writes schema/*.schema.json from the zod schemas. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { jsonSchemaFiles } from './jsonSchema.ts';

const root = path.resolve(import.meta.dirname, '../..');
for (const file of jsonSchemaFiles()) {
  const target = path.join(root, file.path);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, file.content);
  console.log(`wrote ${file.path}`);
}
