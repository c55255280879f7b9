import { defineEntity, p, type Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { ROLES } from '@hub/platform/identity';
import { Agency } from './agency.entity.js';

const PersonSchema = defineEntity({
  name: 'Person',
  tableName: 'person',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    agency: () => p.manyToOne(Agency).ref().index(),
    givenName: p.string().length(100),
    familyName: p.string().length(100),
    badgeNumber: p.string().length(40).nullable(),
    email: p.string().length(254).nullable(),
    phone: p.string().length(40).nullable(),
    roles: p.enum(ROLES).array().default([]),
    active: p.boolean().default(true),
    version: p.integer().version(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class Person extends PersonSchema.class {
  get displayName(): Opt & string {
    return `${this.givenName} ${this.familyName}`;
  }
}
PersonSchema.setClass(Person);
export { PersonSchema };
