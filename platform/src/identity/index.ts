export { ROLES, isRole, requireActor, hasAnyRole, type Actor, type Role } from './actor.js';
export { generateSigningKeyPair, loadOrCreateKeyPair, type SigningKeyPair } from './keys.js';
export { InternalTokenSigner, InternalTokenVerifier, encodeOnwardTokens, ONWARD_TOKENS_HEADER, type InternalCredentials, type RequestFacts, type OnwardTokens } from './internal-token.js';
export { CallerTokenVerifier, DevIssuer, InvalidCallerToken, type SignIn, type VerifiedCaller } from './caller-token.js';
