// Counts every outbound network attempt a Node process makes, for the "no network" check (issue
// 15, item 8: the core makes no outbound connection except a model download the person started).
// Preloaded with `node --require tests/e2e/net-guard.cjs` (playwright.config.ts passes it to the
// browser-mode server through NODE_OPTIONS, which reaches its child and worker threads too); it
// does nothing unless PATRON_NET_GUARD_FILE names the file to append to. It patches the one place
// every TCP client passes through — net.Socket.prototype.connect (http, https, fetch/undici, ws,
// tls all end there) — plus dgram sockets' send/connect and dns.lookup/dns.promises.lookup, and
// appends one JSON line per attempt, synchronously (so nothing is lost when the server is killed):
//   {"kind":"tcp|udp|dns","host":"…","port":443,"loopback":false,"pid":123,"at":"…","stack":"…"}
// Loopback (127.0.0.0/8, ::1, localhost, unix sockets) is marked apart: the model-download specs
// serve their files from 127.0.0.1. Attempts are only counted, never blocked, so a test sees what
// the app would have done. tests/e2e/global-teardown.ts reads the file after the e2e run.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload (`node --require`) */
const fs = require('node:fs');
const net = require('node:net');
const dgram = require('node:dgram');
const dns = require('node:dns');

const INSTALLED = Symbol.for('patron.netGuard');

/** Whether a destination stays on this machine. */
function isLoopback(host) {
  if (host === undefined || host === null || host === '') return true; // Node's default host is localhost
  const h = String(host).toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h === '::1' || h === '0:0:0:0:0:0:0:1' || h === '0.0.0.0' || h === '::') return true;
  if (/^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(h)) return true;
  return false;
}

/** Where a net.Socket#connect call goes: (options[, cb]), (port[, host][, cb]), (path[, cb]) or Node's normalized [options, cb]. */
function tcpDestination(args) {
  let a = args[0];
  if (Array.isArray(a)) a = a[0];
  if (a && typeof a === 'object') {
    if (a.path) return { host: `unix:${a.path}`, port: null, ipc: true };
    return { host: a.host ?? 'localhost', port: a.port ?? null, ipc: false };
  }
  if (typeof a === 'string' && !/^\d+$/.test(a)) return { host: `unix:${a}`, port: null, ipc: true };
  return { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: a ?? null, ipc: false };
}

/** Where a dgram Socket#send goes: (msg[, offset, length], port[, address][, cb]); no port when connected. */
function udpDestination(socket, args) {
  let port;
  let address;
  if (typeof args[1] === 'number' && typeof args[2] === 'number' && args.length >= 4 && typeof args[3] !== 'function') {
    [port, address] = [args[3], args[4]];
  } else {
    [port, address] = [args[1], args[2]];
  }
  if (typeof port !== 'number' && typeof port !== 'string') {
    // A connected socket: its peer was counted at connect; count the send against it too.
    try {
      const peer = socket.remoteAddress();
      return { host: peer.address, port: peer.port };
    } catch {
      return { host: 'unknown', port: null };
    }
  }
  return { host: typeof address === 'string' ? address : 'localhost', port: Number(port) };
}

function install(file) {
  const state = globalThis[INSTALLED];
  if (state) return state;
  const attempts = [];
  const record = (kind, host, port, ipc = false) => {
    const entry = {
      kind,
      host: String(host),
      port: port === null || port === undefined ? null : Number(port),
      loopback: ipc || isLoopback(host),
      pid: process.pid,
      at: new Date().toISOString(),
      // Who asked: the first frames outside this file.
      stack: (new Error().stack ?? '').split('\n').slice(3, 8).map((l) => l.trim()).join(' < '),
    };
    attempts.push(entry);
    if (file) {
      try {
        fs.appendFileSync(file, `${JSON.stringify(entry)}\n`);
      } catch {
        // The guard must never break the app it watches.
      }
    }
  };

  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(...args) {
    const d = tcpDestination(args);
    record('tcp', d.host, d.port, d.ipc);
    return connect.apply(this, args);
  };

  const send = dgram.Socket.prototype.send;
  dgram.Socket.prototype.send = function guardedSend(...args) {
    const d = udpDestination(this, args);
    record('udp', d.host, d.port);
    return send.apply(this, args);
  };
  const udpConnect = dgram.Socket.prototype.connect;
  dgram.Socket.prototype.connect = function guardedUdpConnect(port, address, ...rest) {
    record('udp', typeof address === 'string' ? address : 'localhost', port);
    return udpConnect.call(this, port, address, ...rest);
  };

  // A name lookup is itself traffic (a DNS query) unless it is for this machine. net.connect to a
  // host name also looks it up: that attempt appears twice, once as dns and once as tcp.
  const lookup = dns.lookup;
  dns.lookup = function guardedLookup(hostname, ...rest) {
    record('dns', hostname, null);
    return lookup.call(this, hostname, ...rest);
  };
  const promisesLookup = dns.promises.lookup;
  dns.promises.lookup = function guardedPromisesLookup(hostname, ...rest) {
    record('dns', hostname, null);
    return promisesLookup.call(this, hostname, ...rest);
  };

  const installed = { file, attempts };
  globalThis[INSTALLED] = installed;
  return installed;
}

/** The attempts appended to a guard file (one JSON line each). */
function readAttempts(file) {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

module.exports = { install, isLoopback, readAttempts };

if (process.env.PATRON_NET_GUARD_FILE) install(process.env.PATRON_NET_GUARD_FILE);
