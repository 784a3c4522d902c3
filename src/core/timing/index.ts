export * from './analyze';
export * from './gaps';
export * from './step';
