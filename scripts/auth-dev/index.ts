/** The local OpenID issuer (`serve`, tests) and token minting (`connectorkit token`). */
export * from './issuer';
export * from './identities';
export * from './keys';
export * from './mint';
export { apiScopes } from './flows';
export * from './dev-token';
export * from './running-issuer';
export { loopbackOrigins } from './cors';
