/** Shared bits of the loopback HTTPS doubles (server, request loop, faults, bearer check, oav contract checks). */
export * from './https-double';
export * from './logged-double';
export * from './faults';
export * from './bearer';
export * from './spec-validator';
