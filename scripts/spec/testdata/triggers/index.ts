export * from './good-controller';
export * from './bad-controller';
