/** The built-in Entra token check (part of connectorkit/runtime). */
export { entraAuthenticate, ENTRA_SECURITY_NAME } from './authenticate';
export { isEntraPrincipal, type EntraPrincipal } from './principal';
export { MAX_TOKEN_LIFETIME_S } from './verifier';
