// A real client for the .NET tests: runs one scenario against a running Sora and prints what it saw as
// JSON on stdout. The tests decide what is right; this script only reports.
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';

const scenario = JSON.parse(process.argv[2]);
const deadline = (ms, what) => new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out: ${what}`)), ms));

async function doFetch({ url, method = 'POST', headers = {}, body }) {
  const response = await fetch(url, { method, headers, body });
  const text = await response.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON: report the text */ }
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    allow: response.headers.get('allow'),
    json,
    text: json === null ? text : undefined,
  };
}

// afterConnected: requests sent one by one, settleMs after the connection is acknowledged (by then the
// server has started the subscription), e.g. the publish whose live update the test waits for.
function subscribe({ url, query, variables, connectionParams, take = 1, afterFirst, afterConnected = [], settleMs = 750, timeoutMs = 20000 }) {
  const afterConnectedResults = [];
  const runAfterConnected = async () => {
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    for (const request of afterConnected) afterConnectedResults.push(await doFetch(request));
  };
  const client = createClient({
    url, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true,
    on: { connected: () => { if (afterConnected.length > 0) runAfterConnected(); } },
  });
  const events = [];
  let afterFirstResult = null;
  const done = new Promise((resolve) => {
    const unsubscribe = client.subscribe({ query, variables }, {
      next: async (value) => {
        events.push(value);
        if (events.length === 1 && afterFirst) afterFirstResult = await doFetch(afterFirst);
        if (events.length >= take) { unsubscribe(); resolve({ completed: false }); }
      },
      error: (error) => resolve({ error: Array.isArray(error) ? error : { message: String(error?.reason ?? error?.message ?? error), code: error?.code } }),
      complete: () => resolve({ completed: true }),
    });
  });
  return Promise.race([done, deadline(timeoutMs, 'subscription')])
    .then((outcome) => ({ events, afterFirst: afterFirstResult, afterConnected: afterConnectedResults, ...outcome }))
    .finally(() => client.dispose());
}

function raw({ url, protocol = 'graphql-transport-ws', send = [], closeAfterMs = null, timeoutMs = 15000 }) {
  return new Promise((resolve) => {
    const socket = protocol ? new WebSocket(url, protocol) : new WebSocket(url);
    const messages = [];
    const timer = setTimeout(() => { socket.terminate(); resolve({ messages, closeCode: null, timedOut: true }); }, timeoutMs);
    socket.on('open', () => {
      for (const message of send) socket.send(message);
      if (closeAfterMs !== null) setTimeout(() => socket.close(1000, 'done'), closeAfterMs);
    });
    socket.on('message', (data) => { try { messages.push(JSON.parse(data.toString())); } catch { messages.push(data.toString()); } });
    socket.on('close', (code, reason) => { clearTimeout(timer); resolve({ messages, closeCode: code, closeReason: reason.toString() }); });
    socket.on('error', (error) => { clearTimeout(timer); resolve({ messages, closeCode: null, error: String(error) }); });
  });
}

const kinds = { fetch: doFetch, subscribe, raw };
try {
  const result = await kinds[scenario.kind](scenario);
  process.stdout.write(JSON.stringify(result));
  process.exit(0);
} catch (error) {
  process.stdout.write(JSON.stringify({ failure: String(error) }));
  process.exit(1);
}
