// The one way into @peculiar/x509: it needs the Reflect metadata polyfill loaded before
// it, and ES module imports run in order, so everything imports the library from here.
import 'reflect-metadata';

export * from '@peculiar/x509';
