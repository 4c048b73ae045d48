/** `install`: download and install with the licence key (needs the key and the licence server). */
import { z } from 'zod';
import { addFact, hasFact, record } from '../../core/world.ts';
import { licenceServerAnswers } from '../../services/index.ts';
import { fail, OK } from '../common/trouble.ts';
import { defineStep, idField } from './kind.ts';

export const install = defineStep({
  kind: 'install',
  params: z.strictObject({ product: idField }),
  description: 'Download and install with the licence key.',
  effort: 20,
  plan: (_p, { product }) => ({ label: `install ${product}`, provides: [`installed:${product}`] }),
  run(world, env, step) {
    const product = step.product;
    if (!hasFact(world, `licence:${product}`))
      return fail('missing-mail', product, 'there is no licence key to install with');
    if (!licenceServerAnswers(world, env, 'download', product))
      return fail('retry', product, 'the download failed');
    addFact(world, `installed:${product}`);
    record(world, {
      actor: 'customer',
      kind: 'licence.installed',
      text: `The customer installed ${env.product(product).name} with the licence key.`,
      data: { product },
    });
    return OK;
  },
  references(p, check) {
    check.product(p.product, 'product');
  },
});
