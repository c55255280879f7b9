export { definePolicy, ANYONE_SIGNED_IN, type AccessPolicy, type ActionRule, type PolicyRules } from './policy.js';
