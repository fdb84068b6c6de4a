export * from './read';
export * from './findings';
