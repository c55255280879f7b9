export { definePolicy, ANYONE_SIGNED_IN, type AccessPolicy } from './policy.js';
