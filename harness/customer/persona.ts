/**
 * Personas: who the customer is. Names and addresses come from faker under a seed derived
 * from the run, so the same seed always gives the same people.
 */
import { en, Faker } from '@faker-js/faker';
import seedrandom from 'seedrandom';

export interface Persona {
  index: number;
  name: string;
  email: string;
}

/** A 32-bit seed derived from the parts that identify one run. */
export function deriveSeed(...parts: (string | number)[]): number {
  return seedrandom(parts.join('|')).int32() >>> 0;
}

const faker = new Faker({ locale: [en] });

export function makePersona(seed: number, index: number, given: { name?: string; email?: string }): Persona {
  faker.seed(seed);
  const first = faker.person.firstName();
  const last = faker.person.lastName();
  const name = given.name ?? `${first} ${last}`;
  const [gf, ...gl] = name.split(' ');
  const email =
    given.email ??
    faker.internet
      .email({ firstName: gf, lastName: gl.join('') || last, provider: 'example.net' })
      .toLowerCase();
  return { index, name, email };
}
