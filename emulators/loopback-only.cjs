// Node preload (`node --require ./loopback-only.cjs ...`) that keeps every TCP server of the process on
// 127.0.0.1. kinesis-mock binds all interfaces, hard-coded, and has no option to change it; local-aws has
// no authentication, so nothing it starts may be reachable from another machine.
//
// It rewrites the host of every form of net.Server.prototype.listen that opens a TCP port:
//   listen(port[, host][, backlog][, cb]), listen({port, host, ...}[, cb]), listen(port, cb)
// Unix sockets (a path) and inherited handles are left alone: they are not network-reachable.
'use strict';

const net = require('net');

const LOOPBACK = '127.0.0.1';
const originalListen = net.Server.prototype.listen;

function isPort(value) {
  return typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value));
}

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const first = args[0];
  if (first !== null && typeof first === 'object' && !Array.isArray(first)) {
    // listen(options[, cb]): a path or a handle is not TCP; everything else gets the loopback host
    if (first.path === undefined && first.handle === undefined && first._handle === undefined
        && first.fd === undefined) {
      args[0] = Object.assign({}, first, { host: LOOPBACK, ipv6Only: false });
    }
  } else if (isPort(first) || first === undefined || typeof first === 'function') {
    // listen([port][, host][, backlog][, cb]): put the loopback host right after the port
    const port = isPort(first) ? Number(first) : 0;
    const rest = isPort(first) ? args.slice(1) : args;
    const withoutHost = typeof rest[0] === 'string' ? rest.slice(1) : rest;
    args = [port, LOOPBACK, ...withoutHost];
  }
  return originalListen.apply(this, args);
};
