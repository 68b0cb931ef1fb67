'use strict';
// Child process for the cold-load bench: supplies a minimal @azure/functions-core (the worker's require hook, as
// scripts/host/app-worker.ts supplies it), then times require(main.js) = module evaluation + every app.http registration.
// Prints {"ms": <require time>, "registered": <functions>} on stdout.
const Module = require('node:module');
const file = process.argv[2];
let registered = 0;
let model;
class CoreDisposable {
  constructor(cb) {
    this.cb = cb;
  }
  dispose() {
    if (this.cb) this.cb();
  }
}
const coreApi = {
  version: '3.9.1',
  hostVersion: '4.1037.0',
  Disposable: CoreDisposable,
  registerFunction() {
    registered++;
    return new CoreDisposable();
  },
  registerHook() {
    return new CoreDisposable();
  },
  setProgrammingModel(m) {
    model = m;
  },
  getProgrammingModel() {
    return model;
  },
  log() {},
};
Module.prototype.require = new Proxy(Module.prototype.require, {
  apply(target, thisArg, args) {
    return args[0] === '@azure/functions-core' ? coreApi : Reflect.apply(target, thisArg, args);
  },
});
const t0 = process.hrtime.bigint();
require(file);
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
process.stdout.write(JSON.stringify({ ms, registered }) + '\n');
