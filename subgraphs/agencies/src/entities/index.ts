import { AuditRecordSchema } from '@hub/platform/audit';
import { AgencySchema } from './agency.entity.js';
import { ChangeVersionSchema } from './change-version.entity.js';
import { DesignationSchema } from './designation.entity.js';
import { MegMemberSchema } from './meg-member.entity.js';
import { PersonSchema } from './person.entity.js';
import { SolutionActionPlanSchema } from './solution-action-plan.entity.js';
import { TaskForceAgreementSchema } from './task-force-agreement.entity.js';

export const entities = [AuditRecordSchema, 
  AgencySchema,
  MegMemberSchema,
  TaskForceAgreementSchema,
  PersonSchema,
  DesignationSchema,
  SolutionActionPlanSchema,
  ChangeVersionSchema,
];
